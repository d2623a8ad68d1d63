"""`qorgan-tray`: in the child's session, the time left, asking for more, what Qorgan records."""
