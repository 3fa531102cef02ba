"""The build's precompressed copies (hooks/_compress.py): Brotli's quality, 11 unless RS_BROTLI_QUALITY says
otherwise (the suite's builds use 5), refused with a clear message when it is not 0 to 11; each quality
cached apart, so that a quick build's copies never reach a site built for hosting."""

from __future__ import annotations

import gzip
import subprocess
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from tests.support.hooks import load_hook

_UNBROTLI = ("const {readFileSync, writeFileSync} = require('node:fs');"
             "writeFileSync(1, require('node:zlib').brotliDecompressSync(readFileSync(0)));")


@pytest.fixture
def compress(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    module = load_hook("_compress")
    monkeypatch.setattr(module._project, "BUILD_CACHE", tmp_path / "cache")
    return module


def test_quality_is_the_best_unless_set(compress, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RS_BROTLI_QUALITY", raising=False)
    assert compress.brotli_quality() == 11
    monkeypatch.setenv("RS_BROTLI_QUALITY", " 4 ")
    assert compress.brotli_quality() == 4


@pytest.mark.parametrize("value", ["12", "-1", "best", "5.5"])
def test_a_quality_out_of_range_stops_the_build_naming_the_variable(compress, monkeypatch: pytest.MonkeyPatch,
                                                                    value: str) -> None:
    monkeypatch.setenv("RS_BROTLI_QUALITY", value)
    with pytest.raises(PluginError, match=r"RS_BROTLI_QUALITY=.*whole number from 0 to 11"):
        compress.brotli_quality()


def test_each_quality_is_cached_apart_and_both_decompress_to_the_file(compress, monkeypatch: pytest.MonkeyPatch,
                                                                      tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    text = ("".join(f"<p>paragraph {i} of a long page, with words that repeat</p>\n" for i in range(2_000))).encode()
    (site / "page.html").write_bytes(text)
    (site / "small.html").write_bytes(b"<p>short</p>")
    copies = {}
    for quality in ("1", ""):
        monkeypatch.setenv("RS_BROTLI_QUALITY", quality)
        sizes = compress.precompress(site)
        assert set(sizes) == {"page.html"}, "a file under the size floor got a copy"
        copies[quality] = (site / "page.html.br").read_bytes()
        assert len(copies[quality]) == sizes["page.html"]["br"] < len(text)
        unpacked = subprocess.run(["node", "-e", _UNBROTLI], input=copies[quality], capture_output=True, check=True)
        assert unpacked.stdout == text
    assert gzip.decompress((site / "page.html.gz").read_bytes()) == text
    assert copies["1"] != copies[""], "quality 1 and 11 gave the same bytes: the quality was not passed on"
    cached = sorted(p.name.split(".", 1)[1] for p in (tmp_path / "cache" / "compressed").iterdir())
    assert cached == ["br", "gz", "q1.br"]
