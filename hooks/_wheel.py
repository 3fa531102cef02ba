"""Build standard pure-Python wheels, reproducibly and offline.

``pyodide-build`` cannot run offline (it downloads a cross-build environment
even for pure-Python packages), and a pure-Python wheel is the same for every
platform, so the hooks write the wheel themselves: the package files, a
``*.dist-info`` with METADATA, WHEEL and RECORD, fixed timestamps.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

_EPOCH = (1980, 1, 1, 0, 0, 0)
_SKIP_PARTS = {"__pycache__"}


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"sha256={digest}"


def make_wheel(entries: Iterable[tuple[str, bytes]], name: str, version: str, requires: list[str]) -> bytes:
    dist_info = f"{name}-{version}.dist-info"
    files = sorted(entries)
    meta = [("Metadata-Version", "2.1"), ("Name", name), ("Version", version)]
    meta += [("Requires-Dist", r) for r in requires]
    files.append((f"{dist_info}/METADATA", ("\n".join(f"{k}: {v}" for k, v in meta) + "\n").encode()))
    files.append((f"{dist_info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: research-security-guide hooks\n"
                  b"Root-Is-Purelib: true\nTag: py3-none-any\n"))
    record = "".join(f"{path},{_record_hash(data)},{len(data)}\n" for path, data in files)
    record += f"{dist_info}/RECORD,,\n"
    files.append((f"{dist_info}/RECORD", record.encode()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path, data in files:
            info = zipfile.ZipInfo(path, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue()


def wheel_name(name: str, version: str) -> str:
    return f"{name.replace('-', '_')}-{version}-py3-none-any.whl"


def package_entries(package_dir: Path) -> list[tuple[str, bytes]]:
    """The files of a source package folder (every file except caches), as wheel entries."""
    root = package_dir.parent
    return sorted(
        (p.relative_to(root).as_posix(), p.read_bytes())
        for p in package_dir.rglob("*")
        if p.is_file() and not (_SKIP_PARTS & set(p.parts)) and p.suffix != ".pyc"
    )


def installed_entries(dist_name: str) -> tuple[str, str, list[tuple[str, bytes]]]:
    """(name, version, entries) of an installed pure-Python distribution, e.g. anyascii from the venv."""
    dist = metadata.distribution(dist_name)
    entries = []
    for f in dist.files or []:
        parts = set(Path(str(f)).parts)
        if _SKIP_PARTS & parts or str(f).endswith(".pyc") or ".dist-info" in str(f) or str(f).startswith(".."):
            continue
        entries.append((Path(str(f)).as_posix(), Path(str(f.locate())).read_bytes()))
    if not entries:
        raise FileNotFoundError(f"{dist_name} is installed without files")
    return dist.metadata["Name"], dist.version, sorted(entries)


def zip_entries(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A plain zip of entries (input for hooks/precompile.mjs)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_STORED) as zf:
        for path, data in entries:
            zf.writestr(zipfile.ZipInfo(path, date_time=_EPOCH), data)
    return buf.getvalue()


def read_zip(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(info.filename, zf.read(info)) for info in zf.infolist()]
