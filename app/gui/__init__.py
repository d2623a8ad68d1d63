"""The parent console and the child's tray (Qt); they reach the service only over IPC."""
