"""Screenshots of an immediate alert in the console and of the tray's notice for a site
refused at the handshake, in kk and ru, for docs/screenshots.

Run `QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.app.gui.alert_screenshots DIR`.
"""

import getpass
import os
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.gui.i18n import Translations, build
from app.gui.qtipc import ServiceClient
from app.gui.tray.model import TrayModel
from app.gui.tray.panel import TrayPanel
from app.service import api_screentime
from app.store.records import REFUSED_RULE_PREFIX
from rules.categories import Category
from rules.decision import Step, Verdict
from rules.records import Alert, AlertKind, DecisionEvent
from rules.text import Language
from tests.app.gui.conftest import PIN, Service
from tests.app.gui.sample import seed
from tests.app.gui.screenshots import console, save, wait_until


def shoot_console_alert(
    out: Path, family: Service, translations: Translations, language: str
) -> Path:
    now = datetime.now()
    with family.store() as store:
        store.add_alert(
            Alert(now - timedelta(minutes=3), "Dana", AlertKind.BYPASS_ATTEMPT, "nordvpn.com")
        )
        store.add_alert(
            Alert(now - timedelta(minutes=1), "Aruzhan", AlertKind.SELF_HARM, "harm-sample.test")
        )
    window, state = console(family, translations)
    window.login.pin.setText(PIN)
    window.login.submit()
    wait_until(lambda: state.unlocked and state.policy.children)
    wait_until(window.alerts.banner.isVisible)
    wait_until(window.workspace.dashboard.alert_count.isVisible)
    made = save(window, out / f"console-alert-{language}.png")
    window.close()
    state.client.stop()
    return made


def shoot_tray_refused(out: Path, family: Service, language: str) -> Path:
    with family.store() as store:
        child = store.child("Aruzhan")
        store.update_child(replace(child, accounts=(*child.accounts, getpass.getuser())))
        store.record_events(
            [
                DecisionEvent(
                    datetime.now() - timedelta(seconds=10),
                    "Aruzhan",
                    "tiktok.com",
                    Verdict.BLOCK,
                    Step.CATEGORY,
                    REFUSED_RULE_PREFIX + "category:social_networks",
                    Category.SOCIAL_NETWORKS,
                )
            ]
        )
    model = TrayModel(ServiceClient(family.socket))
    model.client.start()
    panel = TrayPanel(model)
    panel.show()
    model.start()
    wait_until(lambda: panel.refused_site is not None)
    made = save(panel, out / f"tray-refused-{language}.png")
    panel.close()
    model.timer.stop()
    model.client.stop()
    return made


def shoot(out: Path, languages: Iterable[str] = ("kk", "ru")) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    out.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    with tempfile.TemporaryDirectory() as work:
        build(Path(work) / "i18n")
        translations = Translations(app, Path(work) / "i18n")
        try:
            for language in languages:
                translations.switch(Language(language))
                family = Service(Path(work) / f"family-{language}")
                family.server.start()
                seed(family, datetime.now(), stand_ins=False)
                api_screentime.register(family.api)
                made.append(shoot_console_alert(out, family, translations, language))
                made.append(shoot_tray_refused(out, family, language))
                family.server.stop()
        finally:
            translations.uninstall()
    return made


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for path in shoot(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(path)
