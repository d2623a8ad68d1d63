"""Windows adapters as command plans (reg.exe, netsh/PowerShell, certutil, sc.exe): built and
tested anywhere, run only on Windows by `setup.py`. See docs/windows.md for what is verified."""
