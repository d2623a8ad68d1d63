"""CA trust: the plans read as lists of steps, carried out in a folder, and NSS as a real child."""

import json
import pwd
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.platform.linux import catrust
from app.platform.linux.accounts import Account
from app.platform.linux.catrust import (
    CA_NAME,
    PcFacts,
    RemoveFile,
    Run,
    TrustPaths,
    WriteFile,
    firefox_policies,
    removal_plan,
    trust_plan,
)

CA = b"-----BEGIN CERTIFICATE-----\nQORGAN\n-----END CERTIFICATE-----\n"
CHILD = Account("aruzhan", 1500, 1500, Path("/home/aruzhan"))
NOTHING = PcFacts(None, None, frozenset(), frozenset({"aruzhan"}))
PARENTS_POLICIES = json.dumps({"policies": {"DisablePrivateBrowsing": True}}).encode()


def paths_in(root: Path) -> TrustPaths:
    return TrustPaths(
        system_ca_dir=root / "usr/local/share/ca-certificates",
        firefox_policies=root / "etc/firefox/policies/policies.json",
        chromium_policy_dirs=(
            root / "etc/chromium/policies/managed",
            root / "etc/opt/chrome/policies/managed",
        ),
        state_dir=root / "var/lib/qorgan/catrust",
        ca_hooks_dir=root / "etc/ca-certificates/update.d",
        linked_ca_dir=root / "etc/ssl/certs",
    )


def test_firefox_gets_the_ca_and_doh_locked_off_and_keeps_the_parents_policies() -> None:
    ca = Path("/usr/local/share/ca-certificates/qorgan-ca.crt")
    merged = json.loads(firefox_policies(PARENTS_POLICIES, ca))["policies"]
    assert merged["DisablePrivateBrowsing"] is True
    assert merged["DNSOverHTTPS"] == {"Enabled": False, "Locked": True}
    assert merged["Certificates"]["Install"] == [str(ca)]
    again = json.loads(firefox_policies(json.dumps({"policies": merged}).encode(), ca))
    assert again["policies"]["Certificates"]["Install"] == [str(ca)]
    assert json.loads(firefox_policies(b"not json", ca))["policies"]["DNSOverHTTPS"]["Locked"]


def test_the_trust_plan_covers_the_system_both_browsers_and_the_childs_nss() -> None:
    paths = TrustPaths()
    steps = trust_plan(CA, paths, [CHILD], NOTHING)
    assert steps[:2] == [
        WriteFile(Path("/usr/local/share/ca-certificates/qorgan-ca.crt"), CA),
        Run(("update-ca-certificates",)),
    ]
    written = {step.path for step in steps if isinstance(step, WriteFile)}
    assert Path("/etc/firefox/policies/policies.json") in written
    assert Path("/etc/chromium/policies/managed/qorgan.json") in written
    assert Path("/etc/opt/chrome/policies/managed/qorgan.json") in written
    nss = [step for step in steps if isinstance(step, Run) and step.account == CHILD]
    assert [step.argv[0] for step in nss] == ["mkdir", "certutil", "certutil"]
    assert nss[-1].argv[:2] == ("certutil", "-A") and CA_NAME in nss[-1].argv


def test_a_child_without_a_home_gets_no_nss_steps_and_a_ready_one_is_replaced() -> None:
    homeless = PcFacts(None, None, frozenset(), frozenset())
    assert not [s for s in trust_plan(CA, TrustPaths(), [CHILD], homeless) if isinstance(s, Run)][
        1:
    ]
    ready = PcFacts(None, None, frozenset({"aruzhan"}), frozenset({"aruzhan"}))
    nss = [s for s in trust_plan(CA, TrustPaths(), [CHILD], ready) if isinstance(s, Run)][1:]
    assert [step.argv[1] for step in nss] == ["-D", "-A"]
    assert nss[0].may_fail


def test_the_parents_firefox_policies_are_kept_aside_and_put_back() -> None:
    paths = TrustPaths()
    facts = PcFacts(PARENTS_POLICIES, None, frozenset(), frozenset())
    steps = trust_plan(CA, paths, [], facts)
    backup = paths.state_dir / catrust.FIREFOX_BACKUP
    assert WriteFile(backup, PARENTS_POLICIES, 0o600) in steps
    after = PcFacts(b"{}", PARENTS_POLICIES, frozenset(), frozenset())
    removal = removal_plan(paths, [], after)
    assert WriteFile(paths.firefox_policies, PARENTS_POLICIES) in removal
    assert RemoveFile(backup) in removal
    assert RemoveFile(paths.firefox_policies) not in removal


def test_applied_in_a_folder_and_removed_without_a_trace(tmp_path: Path) -> None:
    paths = paths_in(tmp_path)
    paths.firefox_policies.parent.mkdir(parents=True)
    paths.firefox_policies.write_bytes(PARENTS_POLICIES)
    commands: list[tuple[str, ...]] = []

    def record(step: Run) -> subprocess.CompletedProcess[str]:
        commands.append(step.argv)
        return subprocess.CompletedProcess(step.argv, 0, "", "")

    catrust.apply(trust_plan(CA, paths, [], catrust.facts(paths, [])), record)
    assert paths.system_ca.read_bytes() == CA
    assert paths.system_ca.stat().st_mode & 0o777 == 0o644
    policies = json.loads(paths.firefox_policies.read_bytes())["policies"]
    assert policies["DisablePrivateBrowsing"] and policies["DNSOverHTTPS"]["Locked"]
    for folder in paths.chromium_policy_dirs:
        assert json.loads((folder / "qorgan.json").read_text())["DnsOverHttpsMode"] == "off"
    assert commands == [("update-ca-certificates",)]
    # Applying again changes nothing that matters: the parent's file stays the one kept aside.
    catrust.apply(trust_plan(CA, paths, [], catrust.facts(paths, [])), record)
    assert (paths.state_dir / catrust.FIREFOX_BACKUP).read_bytes() == PARENTS_POLICIES
    catrust.apply(removal_plan(paths, [], catrust.facts(paths, [])), record)
    assert commands[-1] == ("update-ca-certificates", "--fresh")
    assert paths.firefox_policies.read_bytes() == PARENTS_POLICIES
    assert not paths.system_ca.exists()
    assert not any((folder / "qorgan.json").exists() for folder in paths.chromium_policy_dirs)
    assert not (paths.state_dir / catrust.FIREFOX_BACKUP).exists()


def test_a_failing_command_stops_the_plan_with_its_message(tmp_path: Path) -> None:
    def fail(step: Run) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(step.argv, 1, "", "no such file")

    with pytest.raises(catrust.TrustError, match="update-ca-certificates failed: no such file"):
        catrust.apply(trust_plan(CA, paths_in(tmp_path), [], NOTHING), fail)


@pytest.fixture
def child() -> Iterator[Account]:
    """A real account with a home, made for the test and removed after it."""
    name = f"qorgan-t{uuid.uuid4().hex[:6]}"
    subprocess.run(["useradd", "--create-home", "--shell", "/bin/sh", name], check=True)
    try:
        entry = pwd.getpwnam(name)
        yield Account(name, entry.pw_uid, entry.pw_gid, Path(entry.pw_dir))
    finally:
        subprocess.run(["userdel", "--remove", name], check=False, capture_output=True)


def test_the_childs_nss_database_is_made_and_cleaned_as_the_child(
    child: Account, tmp_path: Path
) -> None:
    ca_dir = Path(f"/tmp/{child.name}-ca")  # readable by the child, unlike pytest's folder
    ca_dir.mkdir(mode=0o755)
    try:
        pem = subprocess.run(
            [
                *(
                    "openssl",
                    "req",
                    "-x509",
                    "-newkey",
                    "ec",
                    "-pkeyopt",
                    "ec_paramgen_curve:P-256",
                ),
                *("-nodes", "-keyout", "/dev/null", "-subj", "/CN=Qorgan test CA", "-days", "1"),
            ],
            capture_output=True,
            check=True,
        ).stdout
        paths = TrustPaths(system_ca_dir=ca_dir)
        paths.system_ca.write_bytes(pem)
        paths.system_ca.chmod(0o644)
        nss = [
            step
            for step in trust_plan(pem, paths, [child], catrust.facts(paths, [child]))
            if isinstance(step, Run) and step.account is not None
        ]
        catrust.apply(nss)
        database = catrust.nss_dir(child) / "cert9.db"
        assert database.stat().st_uid == child.uid
        listing = subprocess.run(
            ["certutil", "-L", "-d", f"sql:{catrust.nss_dir(child)}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert CA_NAME in listing and "C,," in listing
        removal = [
            step
            for step in removal_plan(paths, [child], catrust.facts(paths, [child]))
            if isinstance(step, Run) and step.account is not None
        ]
        catrust.apply(removal)
        listing = subprocess.run(
            ["certutil", "-L", "-d", f"sql:{catrust.nss_dir(child)}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert CA_NAME not in listing
    finally:
        subprocess.run(["rm", "-rf", str(ca_dir)], check=False)
