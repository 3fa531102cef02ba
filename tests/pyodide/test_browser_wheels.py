"""The wheels the site ships to the browser differ from the source tree in form
only (hooks/assets.py with assessments/browser_package.py): bytecode instead of sources, the policy pre-parsed, the
list records as xz and anyascii's block table packed into one file. These tests
check that each form gives the same results as the source tree, in CPython; the
Pyodide tier (test_pyodide.py) runs the shipped wheels themselves."""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

import anyascii as anyascii_module
import pytest
from anyascii import anyascii

from assessments import browser_package
from assessments.screening.dataset import PEOPLE_ENTRY
from tests.support.build import build_site
from tests.support.paths import ROOT

sys.path.append(str(ROOT / "hooks"))  # appended, so hook modules never shadow other imports

import _wheel

SAMPLES = [
    "Московский государственный университет", "جامعة طهران", "清华大学", "国防科技大学",
    "서울대학교", "조선중앙통신", "Πανεπιστήμιο Αθηνών", "אוניברסיטת תל אביב", "Đại học Quốc gia Hà Nội",
    "ศูนย์วิจัย", "Cherokee \u13e3\u13b3\u13a9", "emoji 🧪🚀", "Zürich ÆØÅ ß", "\u200f\u202eRTL override",
]


def test_packed_anyascii_table_transliterates_exactly_like_anyascii(monkeypatch: pytest.MonkeyPatch) -> None:
    _, version, entries = _wheel.installed_entries("anyascii")
    kept, (path, pack) = browser_package.pack_anyascii(version, entries)
    assert path == browser_package.ANYASCII_PACK_ENTRY
    assert not any(path.startswith("anyascii/_data/0") for path, _ in kept)
    packed_version, blocks = browser_package.unpack_anyascii(pack)
    in_wheel = {int(name, 16) for p, _ in entries if p.startswith("anyascii/_data/")
                and re.fullmatch(r"[0-9a-f]{3,4}", name := p.rpartition("/")[2])}
    # Every block but those of the code points the normaliser drops (emoji; CJK extension B onwards).
    assert packed_version == anyascii_module.__version__ and "1f6" not in blocks and "200" not in blocks
    dropped = {*range(0x1F3, 0x1FB), *range(0x200, 0x400)}  # U+1F300-1FAFF, U+20000-3FFFF
    assert {int(b, 16) for b in blocks} == in_wheel - dropped and len(blocks) > 300
    kept_samples = [s for s in SAMPLES if not DROPPED_SAMPLE_CHARS & set(s)]
    expected = [anyascii(s) for s in kept_samples]
    monkeypatch.setattr(anyascii_module, "_blocks", browser_package.PackedBlocks(blocks))
    assert [anyascii(s) for s in kept_samples] == expected
    assert anyascii("\U0010ffff") == ""  # a block no table has: nothing, as anyascii itself gives


DROPPED_SAMPLE_CHARS = set("🧪🚀")


def test_the_normaliser_reads_names_the_same_with_the_packed_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """The screening normaliser gives the same tokens in CPython (anyascii's own files) and in the browser
    (the pack, without the blocks of dropped code points): emoji and CJK extension B characters are a space
    in both, never a word such as "grinning"."""
    from assessments.screening import normalize  # noqa: PLC0415

    names = [*SAMPLES, "Huawei 😀 Technologies", "香港𨋢大学", "\U0002a6a5 Beihang University 🚀"]
    expected = [normalize.fold(n) for n in names]
    assert "grinning" not in normalize.fold("Huawei 😀") and "huawei" in normalize.fold("Huawei 😀")
    _, version, entries = _wheel.installed_entries("anyascii")
    _, (_, pack) = browser_package.pack_anyascii(version, entries)
    packed = browser_package.PackedBlocks(browser_package.unpack_anyascii(pack)[1])
    monkeypatch.setattr(anyascii_module, "_blocks", packed)
    assert [normalize.fold(n) for n in names] == expected


def test_built_engine_wheel_carries_the_pack_and_no_policy_toml(built_site: Path) -> None:
    wheel = next((built_site / "assets/engine").glob("assessments-*.whl"))
    names = set(zipfile.ZipFile(io.BytesIO(wheel.read_bytes())).namelist())
    assert "assessments/data/anyascii_blocks.json.xz" in names
    assert "assessments/policy/_parsed.json" in names
    assert not [n for n in names if n.startswith("assessments/policy/") and n.endswith(".toml")]
    assert "assessments/_engine.pyc" in names and "assessments/_engine.py" not in names
    dep = next((built_site / "assets/engine").glob("anyascii-*.whl"))
    assert len(zipfile.ZipFile(io.BytesIO(dep.read_bytes())).namelist()) < 10


def test_packing_an_anyascii_of_another_layout_stops_with_the_fix() -> None:
    _, version, entries = _wheel.installed_entries("anyascii")
    moved = [(path.replace("anyascii/_data/", "anyascii/data/"), data) for path, data in entries]
    with pytest.raises(ValueError, match=r"found 0 block files .* update pack_anyascii"):
        browser_package.pack_anyascii(version, moved)


def _engine_names(site: Path) -> set[str]:
    wheel = next((site / "assets/engine").glob("assessments-*.whl"))
    return set(zipfile.ZipFile(io.BytesIO(wheel.read_bytes())).namelist())


def test_the_people_file_ships_only_when_people_screening_is_on(built_site: Path, tmp_path: Path) -> None:
    # The listed individuals (about 250 KB) serve only the optional people screening, off by default.
    assert PEOPLE_ENTRY not in _engine_names(built_site)
    assert "assessments/data/lists/records.json.xz" in _engine_names(built_site)
    config = tmp_path / "institution.toml"
    text = (ROOT / "institution.toml").read_text("utf-8")
    assert "screen_people = false" in text
    config.write_text(text.replace("screen_people = false", "screen_people = true"), "utf-8")
    site = tmp_path / "site"
    proc = build_site(site, config)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert PEOPLE_ENTRY in _engine_names(site)
