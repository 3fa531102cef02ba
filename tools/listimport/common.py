"""What every reader and the dataset writer share: paths, the error, CSV and date helpers, country names."""

from __future__ import annotations

import csv
import datetime as dt
import re
import tomllib
from pathlib import Path

TOOLS = Path(__file__).resolve().parent.parent
ROOT = TOOLS.parent
DATA = TOOLS / "data"
OUT = ROOT / "assessments" / "data" / "lists"


# Country names in OFAC remarks and OpenSanctions files that the ISO short names do not cover.
EXTRA_COUNTRIES = {
    "russia": "RU", "iran": "IR", "syria": "SY", "korea, north": "KP", "north korea": "KP",
    "korea, south": "KR", "south korea": "KR", "burma": "MM", "venezuela": "VE", "bolivia": "BO",
    "man, isle of": "IM", "vietnam": "VN", "laos": "LA", "moldova": "MD", "tanzania": "TZ",
    "taiwan": "TW", "congo, democratic republic of the": "CD", "congo, republic of the": "CG",
    "czech republic": "CZ", "turkey": "TR", "turkiye": "TR", "macau": "MO", "hong kong": "HK",
    "china": "CN", "west bank": "PS", "gaza": "PS", "palestinian": "PS", "kosovo": "XK",
    "region: crimea": "XC", "crimea": "XC", "bosnia and herzegovina": "BA", "cote d ivoire": "CI",
    "micronesia, federated states of": "FM", "st. kitts and nevis": "KN", "brunei": "BN",
}


class ImportError_(Exception):
    """A source file that cannot be read as its format: names the file and the fix."""


def csv_rows(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    try:
        with path.open(encoding=encoding, newline="") as fh:
            return list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ImportError_(f"{path}: cannot read as CSV ({exc})") from None


def split_aliases(value: str) -> list[str]:
    return [a.strip() for a in re.split(r"[;|]", value or "") if a.strip()]


def country_names() -> dict[str, str]:
    text = (ROOT / "assessments/policy/countries/_names.toml").read_text("utf-8")
    names = {v.casefold(): k for k, v in tomllib.loads(text)["names"].items()}
    names.update(EXTRA_COUNTRIES)
    return names


# China's province-level divisions (ISO 3166-2:CN subdivision names, with the usual English spellings): a list
# entry's bracketed qualifier "(Inner Mongolia)" or "(Beijing)" says where it is, and is no name of it.
REGION_NAMES = (
    "Anhui", "Beijing", "Chongqing", "Fujian", "Gansu", "Guangdong", "Guangxi", "Guizhou", "Hainan", "Hebei",
    "Heilongjiang", "Henan", "Hubei", "Hunan", "Jiangsu", "Jiangxi", "Jilin", "Liaoning", "Inner Mongolia",
    "Nei Mongol", "Ningxia", "Qinghai", "Shaanxi", "Shandong", "Shanghai", "Shanxi", "Sichuan", "Tianjin", "Tibet",
    "Xizang", "Xinjiang", "Yunnan", "Zhejiang",
)


def date_arg(value: str | None, flag: str) -> str:
    if not value:
        raise ImportError_(f"{flag} is required with an official file: the date the file was published")
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ImportError_(f"{flag} {value!r}: not a date (use YYYY-MM-DD)") from None
