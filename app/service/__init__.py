"""The background service: it runs the proxy worker and hands it the policy."""
