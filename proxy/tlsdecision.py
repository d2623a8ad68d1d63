"""The TLS addon: at each ClientHello, pass the connection through, intercept it, or refuse it.

Hosts that need nothing from Qorgan inside the connection pass through untouched (not
decrypted: cheap, and apps that pin their certificates keep working). Hosts that must
show a block page, have page rules, SafeSearch or a content check are intercepted. A
blocked host whose app has refused Qorgan's certificate before is refused at the
handshake with a fatal alert, and its event says so. For a child, a connection passes
through only to an address the DNS stub gave for its name (`proxy/resolved.py`); to any
other address it is intercepted, so a tunnel cannot hide behind an allowed name.
"""

import logging
import time
from collections.abc import Callable

from mitmproxy import connection, tls
from mitmproxy.proxy import mode_specs
from OpenSSL import SSL

from proxy.blockpage import QORGAN_HOST
from proxy.policyfilter import PARENT_ALLOWED, Active, PolicyFilter, bypass_decision, host_url
from proxy.resolved import ResolvedNames
from rules.decision import Decision
from rules.hosts import HostError, normalize_host, parse_ip
from rules.inspection import TlsAction, needs_content_check, tls_action
from rules.safesearch import forcing_for

# How long a host whose client refused Qorgan's certificate is not intercepted again.
NOT_INTERCEPTABLE_FOR = 3600.0
REFUSED_PREFIX = "tls-refused:"
NO_SNI_RULE = "bypass:no-sni"

logger = logging.getLogger(__name__)


class RefusedHandshake(SSL.Error):
    """Raised inside OpenSSL's name callback, which answers the client with a fatal alert."""


def _refuse(connection: SSL.Connection) -> None:
    raise RefusedHandshake("Qorgan refused this connection")


class TlsDecision:
    """Decides each TLS connection from its server name (SNI) before any byte is decrypted."""

    def __init__(
        self,
        policy: PolicyFilter,
        clock: Callable[[], float] = time.monotonic,
        resolved: ResolvedNames | None = None,
    ) -> None:
        self.policy = policy
        self._clock = clock
        self.resolved = resolved
        self.not_interceptable: dict[str, float] = {}
        self._refused: set[str] = set()

    def tls_clienthello(self, data: tls.ClientHelloData) -> None:
        if data.ignore_connection:
            return
        client, server = data.context.client, data.context.server
        names = [name for name in (data.client_hello.sni, _address_host(server)) if name]
        try:
            hosts = list(dict.fromkeys(normalize_host(name) for name in names))
        except HostError:
            hosts = []
        if QORGAN_HOST in hosts:
            data.establish_server_tls_first = False
            return
        try:
            active = self.policy.active()
        except Exception:
            logger.exception("no policy for the TLS connection to %s; intercepting", names)
            active = None
        if active is None or not hosts:
            # Intercepted, the request inside gets the "Qorgan is starting" page (fail closed).
            data.establish_server_tls_first = False
            return
        try:
            self._decide(data, client, active, hosts, data.client_hello.sni is None)
        except Exception:
            logger.exception("deciding the TLS connection to %s failed; intercepting", hosts)
            data.establish_server_tls_first = False

    def _decide(
        self,
        data: tls.ClientHelloData,
        client: connection.Client,
        active: Active,
        hosts: list[str],
        no_sni: bool,
    ) -> None:
        # The name in the ClientHello and the tunnel's host may differ (domain fronting):
        # the first one that is blocked settles it.
        urls = [host_url(host) for host in hosts]
        url, decision = self.policy.decide(active, urls)
        host = url.host
        parent_allowed = not decision.blocked and decision.reason.step in PARENT_ALLOWED
        if no_sni and parse_ip(host) is not None and active.is_child and not parent_allowed:
            self._refuse_handshake(client, host, decision, NO_SNI_RULE)
            return
        action = tls_action(
            decision,
            url_rules=host.removeprefix("www.") in active.url_sites,
            safe_search=forcing_for(host, decision.safe_search) is not None,
            content_check=needs_content_check(decision, active.child.child.age_class),
            interceptable=self._interceptable(host),
        )
        if action is TlsAction.PASS_THROUGH and active.is_child and not self._stub_gave(data):
            # A tunnel may borrow an allowed name for its own server: intercepted, the
            # proxy checks the server's certificate for that name (or refuses it outright).
            action = TlsAction.INTERCEPT if self._interceptable(host) else TlsAction.REFUSE
        if action is TlsAction.PASS_THROUGH:
            data.ignore_connection = True
            self.policy.record(host, decision)
        elif action is TlsAction.REFUSE:
            self._refuse_handshake(client, host, decision, "")
        elif decision.blocked:
            data.establish_server_tls_first = False  # the blocked server is never contacted

    def _refuse_handshake(
        self, client: connection.Client, host: str, decision: Decision, rule: str
    ) -> None:
        self._refused.add(client.id)
        if rule:
            self.policy.record(host, bypass_decision(rule))
        else:
            self.policy.record(host, decision, REFUSED_PREFIX)
        logger.info("TLS to %s refused at the handshake", host)

    def _stub_gave(self, data: tls.ClientHelloData) -> bool:
        """Whether the connection goes to an address the DNS stub gave for its server name.

        Only a transparent connection's address is the client's choice. An explicit proxy's
        tunnel names its host, which the proxy resolves itself (a tunnel to a bare address
        is refused for children before any ClientHello, proxy/antibypass.py). Nothing to
        compare either without the stub, a name, or an address.
        """
        sni, address = data.client_hello.sni, data.context.server.address
        if not isinstance(data.context.client.proxy_mode, mode_specs.TransparentMode):
            return True
        if self.resolved is None or not sni or address is None or parse_ip(address[0]) is None:
            return True
        return self.resolved.gave(sni, address[0])

    def _interceptable(self, host: str) -> bool:
        until = self.not_interceptable.get(host)
        if until is None:
            return True
        if self._clock() < until:
            return False
        del self.not_interceptable[host]
        return True

    def tls_start_client(self, data: tls.TlsData) -> None:
        """A refused connection gets a TLS engine that ends the handshake with a fatal alert."""
        if data.conn.id not in self._refused or data.is_dtls:
            return
        context = SSL.Context(SSL.TLS_SERVER_METHOD)
        context.set_tlsext_servername_callback(_refuse)
        data.ssl_conn = SSL.Connection(context)
        data.ssl_conn.set_accept_state()

    def tls_failed_client(self, data: tls.TlsData) -> None:
        """A client that does not trust Qorgan's certificate for a host is not intercepted again
        for a while: allowed, it passes through; blocked, it is refused at the handshake."""
        if data.conn.id in self._refused:
            self._refused.discard(data.conn.id)
            return
        error = data.conn.error or ""
        sni = data.conn.sni
        if sni and "trust the proxy's certificate" in error:
            try:
                host = normalize_host(sni)
            except HostError:
                return
            self.not_interceptable[host] = self._clock() + NOT_INTERCEPTABLE_FOR
            logger.info("%s refused Qorgan's certificate; not intercepting it for a while", host)

    def tls_established_client(self, data: tls.TlsData) -> None:
        self._refused.discard(data.conn.id)


def _address_host(server: connection.Server) -> str | None:
    return None if server.address is None else str(server.address[0])
