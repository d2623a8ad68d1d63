"""Local IPC between the service and its clients: the socket server and a blocking client."""
