"""Download the official screening files and rebuild the dataset (needs a network).

Usage: python tools/refresh_lists.py [--shared DIR | --no-shared] [--accept-drop LIST_ID ...]

Fetches trade.gov's Consolidated Screening List (JSON) and OFAC's sdn.csv,
alt.csv and add.csv (countries) into a temporary folder, then runs tools/import_lists.py on them: the
official lists replace the snapshot copies, and the record-count check applies
(a list that shrinks by more than 20% stops the import). Offline, or when a
download fails, it stops with a message and changes nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import import_lists

# The official download addresses, in one place.
SOURCES = {
    "csl_json": "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json",
    "ofac_sdn": "https://www.treasury.gov/ofac/downloads/sdn.csv",
    "ofac_alt": "https://www.treasury.gov/ofac/downloads/alt.csv",
    "ofac_add": "https://www.treasury.gov/ofac/downloads/add.csv",
}
TIMEOUT_S = 60


def download(url: str, dest: Path) -> None:
    request = urllib.request.Request(url, headers={"User-Agent": "research-security-guide list refresh"})
    with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
        dest.write_bytes(response.read())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, help="also read the list snapshots in this folder")
    parser.add_argument("--no-shared", action="store_true")
    parser.add_argument("--accept-drop", action="append", default=[], metavar="LIST_ID")
    parser.add_argument("--out", type=Path, default=import_lists.OUT)
    args = parser.parse_args(argv)
    today = dt.date.today().isoformat()
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for key, url in SOURCES.items():
            dest = Path(tmp) / url.rsplit("/", 1)[-1]
            try:
                download(url, dest)
            except (urllib.error.URLError, TimeoutError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                print(f"error: cannot download {url} ({reason}). Nothing was changed. Run this where the "
                      "official sites can be reached, or download the files yourself and pass them to "
                      "tools/import_lists.py (--csl-json, --ofac-sdn, --ofac-alt).", file=sys.stderr)
                return 1
            files[key] = dest
        cmd = ["--csl-json", str(files["csl_json"]), "--csl-date", today,
               "--ofac-sdn", str(files["ofac_sdn"]), "--ofac-alt", str(files["ofac_alt"]),
               "--ofac-add", str(files["ofac_add"]), "--ofac-date", today, "--retrieved", today,
               "--out", str(args.out)]
        if args.shared is not None:
            cmd += ["--shared", str(args.shared)]
        if args.no_shared:
            cmd += ["--no-shared"]
        for lid in args.accept_drop:
            cmd += ["--accept-drop", lid]
        return import_lists.main(cmd)


if __name__ == "__main__":
    sys.exit(main())
