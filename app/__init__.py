"""Qorgan's desktop application: service, store, console and tray, platform adapters."""
