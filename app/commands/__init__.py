"""`qorgan` commands that live in their own modules (see `app.cli.COMMAND_MODULES`)."""
