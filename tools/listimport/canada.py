"""Canada's Named Research Organizations page (HTML), with native names from the KAIST transcription."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from assessments.screening.normalize import normalized

from .common import ImportError_
from .kaist import HANGUL

_CA_ITEM = re.compile(r"<li><strong>(.*?)</strong>\s*\(([^)]*)\)(.*?)</li>", re.S)
_CA_ALIASES = re.compile(r"Known alias\(es\):\s*(.*?)</p>", re.S)
_CA_COUNTRIES = {"Russia": "RU", "People's Republic of China": "CN", "Iran": "IR",
                 "Democratic People's Republic of Korea": "KP"}


def read_ca_nro(path: Path, kaist: Path | None) -> list[dict[str, Any]]:
    try:
        page = path.read_text("utf-8")
    except OSError as exc:
        raise ImportError_(f"{path}: cannot read ({exc.strerror})") from None
    natives: dict[str, str] = {}
    if kaist and kaist.exists():
        for row in json.loads(kaist.read_text("utf-8")):
            native = row["name"].get("native", "")
            if row["source"]["list_id"] == "ca-ised-named-research-organizations" and native \
                    and not HANGUL.search(native):
                natives[normalized(row["name"]["english"])] = " ".join(native.split())
    recs = []
    for raw_name, country, rest in _CA_ITEM.findall(page):
        name = html.unescape(" ".join(raw_name.split()))
        code = _CA_COUNTRIES.get(html.unescape(country.strip()).replace("\u2019", "'"))
        if code is None:
            raise ImportError_(f"{path}: country {country!r} of {name!r} is unknown; add it to _CA_COUNTRIES")
        m = _CA_ALIASES.search(rest)
        aliases = [html.unescape(a.strip()) for a in m.group(1).split(";") if a.strip()] if m else []
        if normalized(name) in natives:
            aliases.append(natives[normalized(name)])
        recs.append({"name": name, "aliases": aliases, "countries": [code], "note": ""})
    if not recs:
        raise ImportError_(f"{path}: no <li><strong>Name</strong> (Country) entries found; is this the NRO page?")
    return recs
