"""The content addon: pages from hosts no list categorises are scored, and blocked over the limit.

Only such pages are held until their body has arrived; every other response (and any
page over the size cap) streams through as it comes, never held whole, so categorised
allowed traffic pays nothing for scoring. A page that gives no length is held only up to
mitmproxy's `stream_large_bodies` (the cap, set here when whoever started the proxy did not
set it), then streamed unscored. A response that says it is at most `SMALL_BODY` bytes long
is not streamed either, as plain mitmproxy does: it arrives in one or two reads anyway, and
mitmproxy's streaming path costs more CPU per response than holding it.
"""

import logging
from pathlib import Path

from mitmproxy import addonmanager, ctx, http

from app.paths import assets_dir
from proxy.hotpath import STREAMING_LOG
from proxy.policyfilter import DECISION_KEY, SCORE_PENDING_KEY, PolicyFilter
from rules.categories import Category
from rules.decision import Decision
from rules.inspection import scored_decision
from rules.listfile import ImportReport
from rules.phrases import WeightedPhrase, parse_phrase_list
from rules.scoring import PhraseScorer, page_text

MAX_SCORED_BYTES = 2 * 1024 * 1024
STREAM_LARGE_BODIES = "2m"  # mitmproxy's spelling of MAX_SCORED_BYTES
SCORED_TYPES = ("text/html", "application/xhtml+xml")
SMALL_BODY = 64 * 1024  # one read of mitmproxy's: held as it would be anyway

logger = logging.getLogger(__name__)


def load_phrases(directory: Path) -> tuple[PhraseScorer, list[ImportReport]]:
    """Every `<language>/<category>.txt` phrase list under `directory`, compiled into one scorer.

    A bad line is reported and skipped; a file named after no category is an error.
    """
    phrases: list[WeightedPhrase] = []
    reports = []
    for path in sorted(directory.glob("*/*.txt")):
        try:
            category = Category(path.stem)
        except ValueError:
            raise ValueError(f"{path}: {path.stem!r} is not a category") from None
        with path.open(encoding="utf-8") as lines:
            found, report = parse_phrase_list(f"{path.parent.name}/{path.name}", lines, category)
        phrases += found
        reports.append(report)
        if report.invalid:
            logger.warning("phrase list %s", report.summary())
    return PhraseScorer(phrases), reports


def _unless_small(length: str) -> bool:
    """Whether to stream a response of this `Content-Length`: unless it is known and small."""
    return not (length.isdigit() and int(length) <= SMALL_BODY)


class ContentFilter:
    """Scores the HTML of uncategorised hosts against the weighted phrase lists."""

    def __init__(self, policy: PolicyFilter) -> None:
        self.policy = policy
        self.scorer = PhraseScorer([])

    def load(self, loader: addonmanager.Loader) -> None:
        loader.add_option(
            "qorgan_phrases",
            str,
            str(assets_dir() / "phrases"),
            "The folder of weighted phrase lists (<language>/<category>.txt) for content scoring.",
        )

    def configure(self, updated: set[str]) -> None:
        if "qorgan_phrases" in updated:
            self.scorer, _ = load_phrases(Path(ctx.options.qorgan_phrases))
        if "stream_large_bodies" in updated and not ctx.options.stream_large_bodies:
            # A page that gives no length is held only up to the cap, whoever started the
            # proxy: mitmproxy's default would hold a body of any size whole.
            ctx.options.stream_large_bodies = STREAM_LARGE_BODIES
        if "termlog_verbosity" in updated:
            STREAMING_LOG.show_from(ctx.options.termlog_verbosity)

    def responseheaders(self, flow: http.HTTPFlow) -> None:
        if flow.error or not flow.live or flow.response is None:
            return
        response = flow.response
        length = response.headers.get("content-length", "")
        if SCORE_PENDING_KEY not in flow.metadata:
            response.stream = _unless_small(length)
            return
        kind = response.headers.get("content-type", "").lower()
        too_big = length.isdigit() and int(length) > MAX_SCORED_BYTES
        if too_big or not kind.startswith(SCORED_TYPES):
            response.stream = _unless_small(length)
            self._record_unscored(flow)

    def response(self, flow: http.HTTPFlow) -> None:
        host = flow.metadata.get(SCORE_PENDING_KEY)
        if not isinstance(host, str) or flow.error or flow.response is None:
            return
        del flow.metadata[SCORE_PENDING_KEY]
        if flow.response.stream:
            self._record(flow, host)
            return
        try:
            self._score(flow, host)
        except Exception:
            logger.exception("scoring a page of %s failed; answering with the 503 page", host)
            self.policy.answer_starting(flow)

    def _score(self, flow: http.HTTPFlow, host: str) -> None:
        assert flow.response is not None
        body = flow.response.get_text(strict=False) or ""
        score = self.scorer.score(page_text(body))
        active = self.policy.active()
        if active is None:
            self.policy.answer_starting(flow)
            return
        # The request's decision stands but for the content step, which comes last.
        decision = scored_decision(flow.metadata[DECISION_KEY], active.child, score)
        flow.metadata[DECISION_KEY] = decision
        if decision.blocked:
            self.policy.answer_blocked(flow, active, host, decision)
        self.policy.record(host, decision)

    def _record_unscored(self, flow: http.HTTPFlow) -> None:
        host = flow.metadata.pop(SCORE_PENDING_KEY)
        self._record(flow, host)

    def _record(self, flow: http.HTTPFlow, host: str) -> None:
        decision = flow.metadata.get(DECISION_KEY)
        if isinstance(decision, Decision):
            self.policy.record(host, decision)

    def error(self, flow: http.HTTPFlow) -> None:
        host = flow.metadata.pop(SCORE_PENDING_KEY, None)
        if isinstance(host, str):
            self._record(flow, host)
