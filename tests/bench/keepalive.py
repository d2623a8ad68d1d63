"""Benchmark-only mitmproxy script: plain HTTP to the test names reuses its server connections.

tests/proxy/hostmap.py sends each test name to its loopback port by rewriting the server
connection's address when it opens, so mitmproxy never finds that connection again for
the next request to the same name and opens another (and leaves the old one idle). With
real DNS a proxy reuses its connection to a server. This script, loaded after hostmap.py
in both plain mitmdump and Qorgan's proxy, points a plain-HTTP request for a mapped name
at its loopback port in the `request` hook (after every Qorgan decision, which happen
at `requestheaders`), keeping the Host header, so the server connection is reused as it
would be.
"""

from mitmproxy import ctx, http


class KeepAlive:
    def request(self, flow: http.HTTPFlow) -> None:
        request = flow.request
        if request.scheme != "http" or request.host == "127.0.0.1":
            return
        mapping = str(getattr(ctx.options, "test_hosts", "") or "")
        for item in filter(None, mapping.split(",")):
            name, _, target = item.partition("=")
            port, _, origin = target.partition(":")
            if name == request.host and (not origin or int(origin) == request.port):
                host_header = request.host_header
                request.host, request.port = "127.0.0.1", int(port)
                request.host_header = host_header
                return


addons = [KeepAlive()]
