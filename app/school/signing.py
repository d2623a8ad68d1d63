"""Ed25519 keys and detached signatures for a school's central policy document."""

import base64
import json
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.listsources import ListSourceError, read_public_key, read_signature
from rules.school import SchoolDocument, SchoolError
from rules.school_io import school_from_dict
from rules.validation import PolicyError

SIGNATURE_SUFFIX = ".sig"
MAX_DOCUMENT_BYTES = 16 << 20
KEPT = "the policy in force stays"


class SignatureError(SchoolError):
    """A document that is not signed by the school's key; nothing changes."""


def generate_key(private_key: Path) -> str:
    """Write a new private key (PEM, 0600) and return its public key in base64."""
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    fd = os.open(private_key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(pem)
    return public_key_text(key.public_key())


def public_key_text(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (ValueError, TypeError):
        raise SchoolError(f"{path}: not an unencrypted PEM private key") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SchoolError(f"{path}: not an Ed25519 private key")
    return key


def sign(data: bytes, key: Ed25519PrivateKey) -> bytes:
    """The detached signature as Qorgan writes it: base64 on one line."""
    return base64.b64encode(key.sign(data)) + b"\n"


def pin_key(text: str) -> str:
    """A public key given as base64 or as a PEM file, as the store keeps it (base64)."""
    try:
        return read_public_key(text)
    except ListSourceError as error:
        raise SchoolError(str(error)) from None


def verify_document(
    data: bytes, signature: bytes | None, public_key: str, shown: str
) -> SchoolDocument:
    """The document, if `signature` is the school key's over exactly `data`; one-line errors."""
    if signature is None:
        raise SignatureError(f"{shown}: not signed (no {SIGNATURE_SUFFIX} file beside it); {KEPT}")
    try:
        raw = read_signature(signature, shown + SIGNATURE_SUFFIX)
    except ListSourceError as error:
        raise SignatureError(f"{error}; {KEPT}") from None
    key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key))
    try:
        key.verify(raw, data)
    except InvalidSignature:
        raise SignatureError(
            f"{shown}: the signature does not match the school's key: the file was changed "
            f"after signing or signed with another key; {KEPT}"
        ) from None
    try:
        return school_from_dict(json.loads(data.decode("utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SchoolError(f"{shown}: not valid JSON ({error}); {KEPT}") from None
    except PolicyError as error:
        raise SchoolError(f"{shown}: {error}; {KEPT}") from None
