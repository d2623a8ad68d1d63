"""`qorgan-console`: the parent's (or school admin's) console; it reaches the service over IPC."""
