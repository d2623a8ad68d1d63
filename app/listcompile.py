"""Compiling every list source into the one file the proxy maps, and opening that file."""

import codecs
import contextlib
import gzip
import hashlib
import mmap
import os
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rules.categories import Category
from rules.compiled import CompiledLists, CompiledListsError
from rules.compiled_build import ListCompiler
from rules.listfile import Tally, stream_domains
from rules.listformats import stream_adblock, stream_hosts
from rules.national import NationalEntry
from rules.national_csv import stream_national_csv
from rules.national_format import stream_national_json
from rules.records import ListKind, ListSource
from rules.registry_csv import stream_registry_csv
from rules.ut1 import ut1_category, ut1_usage

COMPILED_DIR = "compiled"
STARTER_LIST = "starter"
CURRENT_NAME = "CURRENT"
DOMAIN_KINDS = frozenset({ListKind.DOMAINS, ListKind.HOSTS, ListKind.ADBLOCK})


class ListCompileError(ValueError):
    """A list that cannot be compiled; the message names the file and the place."""


@dataclass
class Fed:
    """What one source put into the compiler."""

    tally: Tally
    rows: int = 0
    national: list[NationalEntry] = field(default_factory=list)
    national_header: dict[str, object] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _lines(path: Path, encoding: str = "utf-8-sig") -> Iterator[str]:
    with path.open(encoding=encoding, errors="replace", newline="") as file:
        yield from file


def _registry_encoding(path: Path) -> str:
    """Registry dumps come in UTF-8 or, from older tools, in Windows-1251."""
    with path.open("rb") as file:
        head = file.read(1 << 20)
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:
            return "cp1251"
    return "utf-8-sig"


def feed(
    compiler: ListCompiler, source: ListSource, path: Path, overrides: dict[str, Category | None]
) -> Fed:
    """Parse one source's file into the compiler; ListCompileError if it is not a list at all.

    Errors name the source's location, not the copy that `path` is.
    """
    fed = Fed(Tally(source.name))
    try:
        if source.kind in DOMAIN_KINDS:
            _feed_domains(compiler, source, path, fed)
        elif source.kind is ListKind.UT1:
            _feed_ut1(compiler, source.name, path, overrides, fed)
        else:
            fed.national = _national_entries(source.kind, path, fed)
            for entry in fed.national:
                compiler.add_national(entry)
    except (OSError, EOFError, zlib.error, tarfile.TarError) as error:
        raise ListCompileError(f"{source.location}: cannot be read ({error})") from None
    except ValueError as error:
        raise ListCompileError(f"{source.location}: {error}") from None
    return fed


def _feed_domains(compiler: ListCompiler, source: ListSource, path: Path, fed: Fed) -> None:
    if source.category is None:
        raise ValueError(f"a {source.kind} list needs a category")
    tag = compiler.category_tag(source.name, source.category)
    add = compiler.add_domain
    if source.kind is ListKind.ADBLOCK:
        excepted = compiler.exception_tag(source.name)
        for _, domain, exception in stream_adblock(_lines(path), fed.tally):
            add(domain, excepted if exception else tag)
            fed.rows += 1
        return
    stream = stream_hosts if source.kind is ListKind.HOSTS else stream_domains
    for _, domain in stream(_lines(path), fed.tally):
        add(domain, tag)
        fed.rows += 1


def _national_entries(kind: ListKind, path: Path, fed: Fed) -> list[NationalEntry]:
    tally = fed.tally
    if kind is ListKind.REGISTRY_CSV:
        lines = _lines(path, _registry_encoding(path))
        return [entry for _, entry in stream_registry_csv(lines, tally)]
    with path.open("rb") as file:
        head = file.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        text = path.read_text(encoding="utf-8-sig")
        return [entry for _, entry in stream_national_json(text, tally, fed.national_header)]
    return [entry for _, entry in stream_national_csv(_lines(path), tally)]


def _ut1_files(folder: Path, name: str) -> list[Path]:
    """Where a folder's `domains` (or `urls`) is: the file, its gzip, or its parts.

    Mirrors of UT1 gzip the biggest files (`domains.gz`) or cut them with `split`
    into `domains.0`, `domains.1`, … (a line may be cut across two parts). Other
    `domains.*` files (left-overs such as `domains.24733`) are not read.
    """
    plain, packed = folder / name, folder / f"{name}.gz"
    if plain.is_file():
        return [plain]
    if packed.is_file():
        return [packed]
    parts: list[Path] = []
    while (folder / f"{name}.{len(parts)}").is_file():
        parts.append(folder / f"{name}.{len(parts)}")
    return parts


def _joined_lines(paths: list[Path]) -> Iterator[str]:
    """The lines of a file, or of the parts it was cut into, as one file."""
    pending, first = b"", True
    for path in paths:
        with gzip.open(path) if path.suffix == ".gz" else path.open("rb") as file:
            for read in file:
                line, pending = pending + read, b""
                if first:
                    line, first = line.removeprefix(codecs.BOM_UTF8), False
                if line.endswith(b"\n"):
                    yield line.decode("utf-8", "replace")
                else:
                    pending = line
    if pending:
        yield pending.decode("utf-8", "replace")


@dataclass(frozen=True)
class _Ut1Folder:
    """A category folder and the other names linked to it (porn -> adult)."""

    path: Path
    aliases: tuple[str, ...]


def _category_folders(root: Path) -> tuple[list[_Ut1Folder], list[str]]:
    """The category folders of a UT1 tree, two levels deep at most, and links not followed.

    A folder reached by several names is read once, under its own name. A link that
    leads out of the tree is not followed: the tree is all an import may read.
    """
    top = root.resolve()
    found: dict[Path, list[Path]] = {}
    outside = []
    for folder in sorted([root, *root.glob("*"), *root.glob("*/*")]):
        if not folder.is_dir() or not (_ut1_files(folder, "domains") or _ut1_files(folder, "urls")):
            continue
        real = folder.resolve()
        if real.is_relative_to(top):
            found.setdefault(real, []).append(folder)
        else:
            outside.append(folder.name)
    folders = []
    for names in found.values():
        names.sort(key=lambda folder: (folder.is_symlink(), folder.name))
        folders.append(_Ut1Folder(names[0], tuple(n.name for n in names[1:])))
    return folders, outside


def _feed_ut1(
    compiler: ListCompiler,
    name: str,
    path: Path,
    overrides: dict[str, Category | None],
    fed: Fed,
) -> None:
    if path.is_file():
        with tempfile.TemporaryDirectory(prefix="ut1-", dir=path.parent) as unpacked:
            with tarfile.open(path) as archive:
                archive.extractall(unpacked, filter="data")
            _feed_ut1(compiler, name, Path(unpacked), overrides, fed)
        return
    folders, outside = _category_folders(path)
    if not folders:
        raise ValueError("no UT1 category folders (<category>/domains)")
    top = path.resolve()
    used, skipped = [], [f"{link}(link-out-of-the-tree)" for link in outside]
    for folder in folders:
        shown = "+".join((folder.path.name, *folder.aliases))
        usage_file = folder.path / "usage"
        usage = ut1_usage(_lines(usage_file)) if usage_file.is_file() else None
        category = ut1_category(folder.path.name, usage, overrides, folder.aliases)
        if category is None:
            skipped.append(shown)
            continue
        used.append(f"{shown}={category}")
        tag = compiler.category_tag(name, category)
        domains = [p for p in _ut1_files(folder.path, "domains") if p.resolve().is_relative_to(top)]
        if domains:
            part = Tally(f"{folder.path.name}/domains")
            for _, domain in stream_domains(_joined_lines(domains), part):
                compiler.add_domain(domain, tag)
                fed.rows += 1
            fed.tally.absorb(part.report(), f"{folder.path.name}/domains")
        urls = [p for p in _ut1_files(folder.path, "urls") if p.resolve().is_relative_to(top)]
        # Qorgan decides on whole hosts; a UT1 URL line is counted, not used.
        fed.tally.unsupported += sum(1 for line in _joined_lines(urls) if line.strip())
    fed.notes += [" ".join(used), " ".join(skipped)]


def starter_digest(folder: Path) -> str:
    """What the compiled file records of the starter lists it holds, to know them again."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.txt")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def feed_starter(compiler: ListCompiler, folder: Path, list_name: str) -> None:
    """The starter lists shipped in assets: each file's name is its category."""
    for path in sorted(folder.glob("*.txt")):
        tag = compiler.category_tag(list_name, Category(path.stem))
        for _, domain in stream_domains(_lines(path), Tally(path.name)):
            compiler.add_domain(domain, tag)


def write_compiled(lists_dir: Path, pieces: list[bytes]) -> Path:
    """Write a compiled file beside the current one and make it current in one step.

    The file gets a new name each time and CURRENT names it, so a proxy that still maps
    the previous file (Windows cannot replace a mapped file) keeps a good one.
    """
    folder = lists_dir / COMPILED_DIR
    folder.mkdir(parents=True, exist_ok=True)
    numbers = [int(p.stem.rpartition("-")[2]) for p in folder.glob("lists-*.qlc")]
    path = folder / f"lists-{max(numbers, default=0) + 1}.qlc"
    temporary = folder / f".{path.name}.tmp"
    with temporary.open("wb") as file:
        for piece in pieces:
            file.write(piece)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)
    _replace_text(folder / CURRENT_NAME, path.name + "\n")
    for old in folder.glob("lists-*.qlc"):
        if old != path:
            # A file a proxy still maps on Windows stays until a later compile.
            with contextlib.suppress(OSError):
                old.unlink()
    return path


def _replace_text(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    with temporary.open("w", encoding="utf-8") as file:
        file.write(text)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)


def current_compiled(lists_dir: Path) -> Path | None:
    """The compiled file in force, or None before the first compile."""
    folder = lists_dir / COMPILED_DIR
    try:
        name = (folder / CURRENT_NAME).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return folder / name


def open_compiled(path: Path, national: bool = True) -> CompiledLists:
    """The compiled file mapped into memory (pages load as lookups touch them)."""
    try:
        with path.open("rb") as file:
            mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError) as error:
        raise ListCompileError(f"{path}: cannot be mapped ({error})") from None
    try:
        return CompiledLists(memoryview(mapped), national)
    except CompiledListsError as error:
        raise ListCompileError(f"{path}: {error}") from None


def compiled_meta(lists_dir: Path) -> dict[str, Any] | None:
    path = current_compiled(lists_dir)
    return None if path is None else open_compiled(path).meta
