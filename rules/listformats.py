"""Hosts files and AdBlock-style domain rules, read line by line into domains."""

from collections.abc import Iterable, Iterator

from rules.hosts import HostError, normalize_host, parse_ip
from rules.listfile import Tally

# Names every hosts file maps to the machine itself; they are no block.
LOCAL_NAMES = frozenset({
    "localhost", "localhost.localdomain", "local", "broadcasthost", "ip6-localhost",
    "ip6-loopback", "ip6-localnet", "ip6-mcastprefix", "ip6-allnodes", "ip6-allrouters",
    "ip6-allhosts", "0.0.0.0",
})  # fmt: skip
# AdBlock options that still mean "the whole host": the rest narrow a rule to some requests.
WHOLE_HOST_OPTIONS = frozenset({"important", "all", "document", "doc", "popup"})
_COSMETIC = ("##", "#@#", "#?#", "#$#", "#%#")
_NOT_IN_A_HOST = frozenset("/*|?:=")


def stream_hosts(lines: Iterable[str], tally: Tally) -> Iterator[tuple[int, str]]:
    """(line number, domain) of a hosts file: `0.0.0.0 name [name…]`, `#` comments.

    A name sent to 0.0.0.0, ::, or a loopback address is blocked; a line sending a
    name to any other address maps a local machine, blocks nothing, and is not used.
    """
    for number, line in enumerate(lines, start=1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        address, *names = text.split()
        ip = parse_ip(address)
        if ip is None:
            problem = f"{address!r} is not an IP address (a hosts line is 'address name')"
            tally.invalid(number, text, problem)
            continue
        if not names:
            tally.invalid(number, text, "no host name after the address")
            continue
        if not (ip.is_unspecified or ip.is_loopback):
            tally.unsupported += 1
            continue
        for name in names:
            if name.lower() in LOCAL_NAMES:
                tally.unsupported += 1
                continue
            try:
                yield number, normalize_host(name)
            except HostError as error:
                tally.invalid(number, text, str(error))


def stream_adblock(lines: Iterable[str], tally: Tally) -> Iterator[tuple[int, str, bool]]:
    """(line number, domain, is exception) of AdBlock domain rules: `||domain^`, `@@||domain^`.

    `!` and `#` lines are comments. Cosmetic rules, rules on a path or with a wildcard,
    and rules narrowed by options such as `$third-party` are valid but say nothing
    about a whole host, so they are not used.
    """
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("!") or (text.startswith("[") and text.endswith("]")):
            continue
        if any(marker in text for marker in _COSMETIC):
            tally.unsupported += 1
            continue
        if text.startswith("#"):
            continue
        exception = text.startswith("@@")
        rule = text.removeprefix("@@")
        if not rule.startswith("||"):
            tally.unsupported += 1
            continue
        body, dollar, options = rule[2:].partition("$")
        if dollar and not {o.strip() for o in options.split(",")} <= WHOLE_HOST_OPTIONS:
            tally.unsupported += 1
            continue
        body = body.removesuffix("|").removesuffix("^")
        if not body:
            tally.invalid(number, text, "the rule names no domain")
            continue
        if _NOT_IN_A_HOST & set(body) or "^" in body:
            tally.unsupported += 1
            continue
        try:
            yield number, normalize_host(body), exception
        except HostError as error:
            tally.invalid(number, text, str(error))
