"""Getting a list source's file: over HTTPS or from a local path, then checking whom to trust."""

import base64
import binascii
import hashlib
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timedelta
from http.client import HTTPMessage
from pathlib import Path
from typing import IO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from app.store import Store
from rules.categories import Category
from rules.records import ListKind, ListSource
from rules.ut1 import category_map_text, parse_category_map

MAX_LIST_BYTES = 1 << 30
MAX_SIGNATURE_BYTES = 4096
SIGNATURE_SUFFIX = ".sig"
TIMEOUT_SECONDS = 60.0
# Lists that feed the national step: no parent can override them, so they must be trusted.
NATIONAL_KINDS = frozenset({ListKind.NATIONAL, ListKind.REGISTRY_CSV})
VERIFIED_ED25519 = "verified-ed25519"
VERIFIED_SHA256 = "verified-sha256"
UNVERIFIED = "unverified"


SETTING_PREFIX = "lists.source."


class ListSourceError(ValueError):
    """A list file that cannot be fetched or trusted; the list in force stays."""


def is_url(location: str) -> bool:
    return "://" in location


def read_public_key(text: str) -> str:
    """An Ed25519 public key as Qorgan stores it (base64 of 32 bytes), from that or a PEM file."""
    text = text.strip()
    if Path(text).is_file():
        try:
            key = serialization.load_pem_public_key(Path(text).read_bytes())
        except ValueError:
            raise ListSourceError(f"{text}: not a PEM public key") from None
        if not isinstance(key, Ed25519PublicKey):
            raise ListSourceError(f"{text}: not an Ed25519 public key")
        raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return base64.b64encode(raw).decode()
    try:
        raw = base64.b64decode(text, validate=True)
    except binascii.Error:
        raw = b""
    if len(raw) != 32:
        raise ListSourceError(
            f"{text!r}: an Ed25519 public key is 32 bytes in base64, or a PEM file"
        )
    return text


def read_sha256(text: str) -> str:
    digest = text.strip().lower()
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise ListSourceError(f"{text!r}: a SHA-256 is 64 hexadecimal digits")
    return digest


class _HttpsOnly(urllib.request.HTTPRedirectHandler):
    """Follows redirects only to other https:// addresses."""

    def redirect_request(  # noqa: PLR0917 (urllib's signature)
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not newurl.startswith("https://"):
            raise ListSourceError(f"{req.full_url}: redirected to {newurl}, which is not HTTPS")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


@dataclass(frozen=True)
class Fetcher:
    """Copies a location to a file: https:// with certificate checks, or a local path."""

    context: ssl.SSLContext | None = None
    limit: int = MAX_LIST_BYTES

    def fetch(self, location: str, target: Path) -> str:
        """Copy `location` to `target`; its SHA-256. FileNotFoundError if it does not exist."""
        with target.open("wb") as out:
            if is_url(location):
                return self._download(location, out)
            try:
                with Path(location).open("rb") as source:
                    return _copy(source, out, location, self.limit)
            except IsADirectoryError:
                raise ListSourceError(f"{location}: a folder, not a file") from None

    def _download(self, url: str, out: IO[bytes]) -> str:
        if not url.startswith("https://"):
            raise ListSourceError(f"{url}: Qorgan downloads lists only over https://")
        context = self.context or ssl.create_default_context()
        opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=context), _HttpsOnly()
        )
        request = urllib.request.Request(url, headers={"User-Agent": "Qorgan list update"})
        try:
            with opener.open(request, timeout=TIMEOUT_SECONDS) as response:
                return _copy(response, out, url, self.limit)
        except urllib.error.HTTPError as error:
            if error.code == 404:
                raise FileNotFoundError(url) from None
            raise ListSourceError(
                f"{url}: the server answered {error.code} {error.reason}"
            ) from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise ListSourceError(f"{url}: cannot be downloaded ({reason})") from None

    def fetch_small(self, location: str, target: Path) -> bytes | None:
        """A small file such as a signature, or None when there is none."""
        try:
            Fetcher(self.context, MAX_SIGNATURE_BYTES).fetch(location, target)
        except FileNotFoundError:
            return None
        return target.read_bytes()


def _copy(source: IO[bytes], out: IO[bytes], location: str, limit: int) -> str:
    digest = hashlib.sha256()
    size = 0
    while chunk := source.read(1 << 20):
        size += len(chunk)
        if size > limit:
            raise ListSourceError(f"{location}: larger than {limit} bytes")
        digest.update(chunk)
        out.write(chunk)
    return digest.hexdigest()


def read_signature(data: bytes, location: str) -> bytes:
    """A detached Ed25519 signature: 64 raw bytes, or their base64 on one line."""
    if len(data) == 64:
        return data
    try:
        raw = base64.b64decode(data.strip(), validate=True)
    except binascii.Error:
        raw = b""
    if len(raw) != 64:
        raise ListSourceError(f"{location}: not an Ed25519 signature (64 bytes, or base64)")
    return raw


def verify(source: ListSource, path: Path, sha256: str, signature: bytes | None) -> str:
    """How the file was trusted; ListSourceError if it must be trusted and is not.

    A national list (or registry dump) with no pinned SHA-256 and no public key is
    refused: nobody could tell a real one from a forged one.
    """
    shown = source.location
    if source.sha256 is not None and source.sha256 != sha256:
        raise ListSourceError(
            f"{shown}: its SHA-256 is {sha256}, not the pinned {source.sha256}; "
            "the file was changed or replaced"
        )
    if source.public_key is not None:
        if signature is None:
            raise ListSourceError(
                f"{shown}: the list is not signed (no {SIGNATURE_SUFFIX} file beside it)"
            )
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(source.public_key))
        try:
            key.verify(read_signature(signature, shown + SIGNATURE_SUFFIX), path.read_bytes())
        except InvalidSignature:
            raise ListSourceError(
                f"{shown}: the signature does not match: the file was changed after signing "
                "or signed with another key"
            ) from None
        return VERIFIED_ED25519
    if source.sha256 is not None:
        return VERIFIED_SHA256
    if source.kind in NATIONAL_KINDS:
        raise ListSourceError(
            f"{shown}: a {source.kind} list must be signed: give the source a public key "
            "(--public-key) or pin its SHA-256 (--sha256)"
        )
    return UNVERIFIED


@dataclass(frozen=True)
class SourceOptions:
    """What a source has beyond ListSource's fields: UT1 overrides and its signature's place."""

    category_map: dict[str, Category | None]
    signature: str | None = None


def source_options(store: Store, name: str) -> SourceOptions:
    data = store.setting(SETTING_PREFIX + name, {})
    if not isinstance(data, dict):
        data = {}
    items = data.get("category_map", [])
    signature = data.get("signature")
    return SourceOptions(
        parse_category_map(items if isinstance(items, list) else []),  # type: ignore[arg-type]
        signature if isinstance(signature, str) else None,
    )


def save_source(store: Store, source: ListSource, options: SourceOptions) -> None:
    store.save_list_source(source)
    store.set_setting(
        SETTING_PREFIX + source.name,
        {
            "category_map": list(category_map_text(options.category_map)),
            "signature": options.signature,
        },
    )


def forget_source(store: Store, name: str) -> None:
    """Remove a source and its options from the store (its files are the caller's)."""
    store.remove_list_source(name)
    store.set_setting(SETTING_PREFIX + name, None)


def is_due(source: ListSource, now: datetime) -> bool:
    return source.updated_at is None or now - source.updated_at >= timedelta(
        hours=source.schedule_hours
    )
