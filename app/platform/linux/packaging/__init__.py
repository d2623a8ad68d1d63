"""What the installed bundle needs beyond the service: its self-test and the package plan."""
