"""The proxy worker: mitmproxy addons that apply Qorgan's policy to web traffic."""
