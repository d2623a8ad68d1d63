"""`qorgan firewall`: the ports a parent opens for the supervised accounts (a game, SSH).

Everything a supervised account sends out other than web and DNS is refused; a port
opened here goes out as it is, to any address, for every supervised account. The
service reads the setting each second and applies it with the firewall.
"""

import argparse
from pathlib import Path

from app.paths import database_path
from app.store import Store
from rules.ports import OPEN_PORTS_KEY, OpenPort, OpenPortError, PortProblem, open_ports
from rules.text import Language, Text

OPENED = Text(
    kk="Ашылды: {port}. Бақыланатын есептік жазбалар бұл портқа прокси арқылы емес, "
    "тікелей шығады.",
    ru="Открыт: {port}. Контролируемые учётные записи выходят на этот порт напрямую, минуя прокси.",
    en="Opened {port}. Supervised accounts reach this port directly, not through the proxy.",
)
CLOSED = Text(kk="Жабылды: {port}.", ru="Закрыт: {port}.", en="Closed {port}.")
NOT_OPEN = Text(
    kk="{port} ашық емес (ашықтары: {opened})",
    ru="{port} не открыт (открыты: {opened})",
    en="{port} is not open (open: {opened})",
)
NONE_OPEN = Text(
    kk="Ашық порт жоқ: вебтен және DNS-тен басқаның бәрі жабық. "
    "Ашу: qorgan firewall open 25565/tcp",
    ru="Открытых портов нет: всё, кроме веба и DNS, закрыто. "
    "Открыть: qorgan firewall open 25565/tcp",
    en="No open ports: everything but web and DNS is refused. Open one: "
    "qorgan firewall open 25565/tcp",
)
PROBLEMS = {
    PortProblem.FORM: Text(
        kk="{entry!r}: ПОРТ/tcp, ПОРТ/udp немесе БІРІНШІ-СОҢҒЫ/tcp түрінде жазыңыз",
        ru="{entry!r}: пишите ПОРТ/tcp, ПОРТ/udp или ПЕРВЫЙ-ПОСЛЕДНИЙ/tcp",
        en="{entry!r}: write it as PORT/tcp, PORT/udp or FIRST-LAST/tcp",
    ),
    PortProblem.RANGE: Text(
        kk="{entry!r}: порттар 1-ден 65535-ке дейін, біріншісі соңғысынан үлкен емес",
        ru="{entry!r}: порты от 1 до 65535, первый не больше последнего",
        en="{entry!r}: ports go from 1 to 65535, the first no higher than the last",
    ),
    PortProblem.KEPT: Text(
        kk="{entry!r}: 53, 80, 443 және 853 проксидікі (веб пен DNS сол арқылы өтеді)",
        ru="{entry!r}: 53, 80, 443 и 853 принадлежат прокси (веб и DNS идут через него)",
        en="{entry!r}: 53, 80, 443 and 853 are the proxy's (web and DNS go through it)",
    ),
}


class FirewallCommandError(ValueError):
    """A port that cannot be opened or closed, said in the parent's language."""


def add_parser(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = commands.add_parser("firewall", help="ports the supervised accounts may use")
    parser.set_defaults(handler=handle)
    actions = parser.add_subparsers(dest="firewall_command", required=True)
    opened = actions.add_parser("open", help="let supervised accounts use a port (25565/tcp)")
    opened.add_argument("port", help="PORT/tcp, PORT/udp or FIRST-LAST/udp")
    closed = actions.add_parser("close", help="refuse a port opened before")
    closed.add_argument("port")
    actions.add_parser("list", help="the ports open now")


def handle(args: argparse.Namespace, data_dir: Path, language: Language) -> int:
    with Store.open(database_path(data_dir)) as store:
        kept = store.setting(OPEN_PORTS_KEY, [])
        current = open_ports(str(entry) for entry in kept) if isinstance(kept, list) else ()
        match args.firewall_command:
            case "list":
                for port in current:
                    print(port)
                if not current:
                    print(NONE_OPEN.get(language))
                return 0
            case "open":
                port = _parse(args.port, language)
                ports = sorted({*current, port})
                text = OPENED
            case _:
                port = _parse(args.port, language)
                if port not in current:
                    opened = ", ".join(map(str, current)) or "-"
                    message = NOT_OPEN.format(port=port, opened=opened)
                    raise FirewallCommandError(message.get(language))
                ports = [p for p in current if p != port]
                text = CLOSED
        store.set_setting(OPEN_PORTS_KEY, [str(p) for p in ports])
    print(text.format(port=port).get(language))
    return 0


def _parse(text: str, language: Language) -> OpenPort:
    try:
        return OpenPort.parse(text)
    except OpenPortError as error:
        message = PROBLEMS[error.problem].format(entry=error.entry)
        raise FirewallCommandError(message.get(language)) from None
