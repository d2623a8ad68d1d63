"""A school document as JSON-ready data and back, validated with errors that name the field."""

from rules.policy_io import policy_from_dict, policy_to_dict
from rules.school import DEFAULT_POLL_MINUTES, ExamRules, ExamWindow, SchoolDocument
from rules.sitelist import SiteEntryError, SiteList
from rules.validation import (
    PolicyError,
    join,
    read_datetime,
    read_fields,
    read_strings,
    read_typed,
)

FORMAT_KEY = "qorgan_school"
FORMAT_VERSION = 1
MOST_POLL_MINUTES = 7 * 24 * 60


def _window(data: object, where: str) -> ExamWindow:
    f = read_fields(data, where, {"start", "end"}, {"start", "end"})
    window = ExamWindow(
        read_datetime(f["start"], join(where, "start")), read_datetime(f["end"], join(where, "end"))
    )
    if window.end <= window.start:
        raise PolicyError(join(where, "end"), "the exam must end after it starts")
    return window


def _exam(data: object, where: str) -> ExamRules:
    f = read_fields(data, where, {"sites", "windows"}, set())
    sites = read_strings(f.get("sites", list(ExamRules().sites)), join(where, "sites"))
    if not sites:
        raise PolicyError(
            join(where, "sites"), "an exam needs at least one site, e.g. bilimland.kz"
        )
    for i, site in enumerate(sites):
        try:
            SiteList([site])
        except SiteEntryError as error:
            raise PolicyError(join(join(where, "sites"), i), str(error)) from None
    items = read_typed(f.get("windows", []), list, join(where, "windows"), "a list of exams")
    windows = tuple(_window(w, join(join(where, "windows"), i)) for i, w in enumerate(items))
    return ExamRules(sites, windows)


def school_from_dict(data: object) -> SchoolDocument:
    """A school document from JSON-ready data; PolicyError names the first bad field."""
    known = {FORMAT_KEY, "serial", "policy", "lab_profile", "exam", "poll_minutes", "summary_share"}
    f = read_fields(data, "", known, {FORMAT_KEY, "serial", "policy"})
    if type(f[FORMAT_KEY]) is not int or f[FORMAT_KEY] != FORMAT_VERSION:
        raise PolicyError(
            FORMAT_KEY, f"unsupported version {f[FORMAT_KEY]!r} (expected {FORMAT_VERSION})"
        )
    serial = read_typed(f["serial"], int, "serial", "a whole number that grows with each version")
    if serial < 1:
        raise PolicyError("serial", "the first version is 1")
    try:
        policy = policy_from_dict(f["policy"])
    except PolicyError as error:
        where = join("policy", error.where) if error.where else "policy"
        raise PolicyError(where, error.problem) from None
    lab = f.get("lab_profile", policy.default_profile)
    if lab is None:
        raise PolicyError("lab_profile", "missing: name the profile every pupil account gets")
    lab = read_typed(lab, str, "lab_profile", "the name of a child profile")
    try:
        lab = policy.child(lab).name
    except LookupError:
        raise PolicyError("lab_profile", f"no child profile called {lab!r}") from None
    poll = read_typed(f.get("poll_minutes", DEFAULT_POLL_MINUTES), int, "poll_minutes", "minutes")
    if not 1 <= poll <= MOST_POLL_MINUTES:
        raise PolicyError("poll_minutes", f"{poll} is out of range (1 to {MOST_POLL_MINUTES})")
    share = f.get("summary_share")
    if share is not None:
        share = read_typed(share, str, "summary_share", "a folder such as //server/lab")
    return SchoolDocument(
        serial=serial,
        policy=policy,
        lab_profile=lab,
        exam=_exam(f.get("exam", {}), "exam"),
        poll_minutes=poll,
        summary_share=share,
    )


def school_to_dict(document: SchoolDocument) -> dict[str, object]:
    """The document as JSON-ready data that `school_from_dict` reads back unchanged."""
    return {
        FORMAT_KEY: FORMAT_VERSION,
        "serial": document.serial,
        "lab_profile": document.lab_profile,
        "poll_minutes": document.poll_minutes,
        "summary_share": document.summary_share,
        "exam": {
            "sites": list(document.exam.sites),
            "windows": [
                {"start": w.start.isoformat(), "end": w.end.isoformat()}
                for w in document.exam.windows
            ],
        },
        "policy": policy_to_dict(document.policy),
    }
