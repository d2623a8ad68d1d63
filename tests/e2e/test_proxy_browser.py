"""Headless Chromium, trusting Qorgan's CA, opens blocked sites over HTTPS through the proxy.

The block page must render inside the intercepted TLS session (no certificate error page).
`QORGAN_UPDATE_SCREENSHOTS=1` also copies the screenshots to docs/screenshots/.
"""

import base64
import hashlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from app.paths import assets_dir
from app.service.snapshot import write_snapshot
from rules.ageclass import AgeClass
from rules.policy import ChildProfile, Policy
from rules.text import Language
from tests.proxy.harness import Mitmdump

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(120)]

CHROMIUM = shutil.which("chromium") or "chromium"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
NATIONAL = assets_dir() / "lists" / "national-sample.json"


def spki_hash(ca: Path) -> str:
    """What Chromium's --ignore-certificate-errors-spki-list takes: base64(SHA-256(SPKI))."""
    key = x509.load_pem_x509_certificate(ca.read_bytes()).public_key()
    der = key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return base64.b64encode(hashlib.sha256(der).digest()).decode()


def publish(directory: Path, language: Language) -> None:
    child = ChildProfile("Aruzhan", AgeClass.TWELVE, language=language)
    write_snapshot(directory, Policy(children=(child,)), NATIONAL, "Aruzhan")


@pytest.fixture(scope="module")
def proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Mitmdump, Path]]:
    data = tmp_path_factory.mktemp("browser")
    publish(data, Language.KK)
    started = Mitmdump(
        data / "mitmproxy",
        {
            "qorgan_snapshot": str(data / "policy-snapshot.json"),
            "connection_strategy": "lazy",
            "test_hosts": "",  # every upstream is unreachable: nothing here may need one
        },
        data / "mitmdump.log",
    )
    yield started, data
    started.stop()


def chromium(proxy: Mitmdump, profile: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    command = [
        CHROMIUM,
        *("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"),
        *("--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"),
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        f"--proxy-server=http://127.0.0.1:{proxy.port}",
        f"--ignore-certificate-errors-spki-list={spki_hash(proxy.ca_path)}",
        *arguments,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_chromium_renders_the_block_page_over_https(
    proxy: tuple[Mitmdump, Path], tmp_path: Path
) -> None:
    mitmdump, data = proxy
    dom = chromium(mitmdump, tmp_path / "profile", "--dump-dom", "https://vk.com/feed")
    assert '<html lang="kk">' in dom.stdout, dom.stderr[-2000:]
    assert "Әлеуметтік желілер" in dom.stdout
    assert 'action="https://qorgan.invalid/allow"' in dom.stdout
    shots = {}
    for language in (Language.KK, Language.RU):
        publish(data, language)
        time.sleep(1.2)  # the proxy looks at the snapshot once a second
        for name, url in (("pin", "https://vk.com/"), ("national", "https://casino-sample.test/")):
            shot = tmp_path / f"blockpage-{language}-{name}.png"
            done = chromium(
                mitmdump,
                tmp_path / "profile",
                f"--screenshot={shot}",
                "--window-size=900,1500",
                url,
            )
            assert shot.exists(), done.stderr[-2000:]
            assert shot.stat().st_size > 20_000  # a page, not an empty or error frame
            shots[shot.name] = shot
    if os.environ.get("QORGAN_UPDATE_SCREENSHOTS"):
        DOCS.mkdir(parents=True, exist_ok=True)
        for name, shot in shots.items():
            shutil.copy(shot, DOCS / name)
    ru = chromium(mitmdump, tmp_path / "profile", "--dump-dom", "https://casino-sample.test/")
    assert "Статья 41-1 Закона Республики Казахстан «О связи»" in ru.stdout
    assert "qorgan.invalid/allow" not in ru.stdout  # no PIN form for a national-list hit
