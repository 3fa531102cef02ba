"""Wide tables scroll in a region of their own, which the keyboard can reach.

A guidance page's table with three columns or more goes into
``<div class="rs-table-region" role="region" tabindex="0" aria-label="...">``:
on a phone such a table is wider than the screen, and the region (not the page)
scrolls sideways; ``tabindex="0"`` lets a keyboard user focus it and scroll it
with the arrow keys, and its name (the section heading above the table) tells a
screen reader what it holds. The cue a reader sees, a shade at the edge where
more columns are, and the cells' widths are in docs/assets/css/guide.css. A
table of four columns or more with a lot of text in its cells is marked ``rs-table-region--prose``:
on a narrow screen its columns keep a readable width (the region scrolls)
instead of shrinking to one word a line.

Runs after the marker pass (hooks/markers.py, priority 50), so the tables its
templates write (contacts, rules, sources to re-check, the list table) are
wrapped too. Tables the page's scripts build (the self-assessment's result) are
not in the page's content here; they have their own layout (site.css).
"""

from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
HEADING = re.compile(r"<h([1-6])\b[^>]*>(?P<text>.*?)</h\1>", re.S)
ROW = re.compile(r"<tr\b[^>]*>(?P<cells>.*?)</tr>", re.S)
CELL = re.compile(r"<t([hd])\b[^>]*>(?P<text>.*?)</t\1>", re.S)
TAG = re.compile(r"<[^>]+>")
MIN_COLUMNS = 3  # two columns fit a 360 px screen; three or more may not
PROSE_CHARS = 60  # a column whose longest cell has this many characters reads as text, not figures


def _text(fragment: str) -> str:
    # The heading's permalink sign (toc permalink) is not part of its name.
    return " ".join(html.unescape(TAG.sub(" ", fragment)).replace("\u00b6", " ").split())


def _columns(table: str) -> list[list[str]]:
    """Each column's cell texts, read from the table's rows."""
    columns: list[list[str]] = []
    for row in ROW.finditer(table):
        for index, cell in enumerate(CELL.finditer(row.group("cells"))):
            while len(columns) <= index:
                columns.append([])
            columns[index].append(_text(cell.group("text")))
    return columns


def wrap_tables(html_text: str) -> str:
    """Every table of MIN_COLUMNS columns or more, inside a named, focusable scrolling region."""
    headings = [(m.start(), _text(m.group("text"))) for m in HEADING.finditer(html_text)]
    named: dict[str, int] = {}
    out: list[str] = []
    last = 0
    for match in TABLE.finditer(html_text):
        table = match.group(0)
        columns = _columns(table)
        if len(columns) < MIN_COLUMNS:
            continue
        heading = next((text for start, text in reversed(headings) if start < match.start()), "")
        name = heading or ", ".join(c[0] for c in columns[:3] if c) or "Table"
        named[name] = named.get(name, 0) + 1
        label = f"{name} (table)" if named[name] == 1 else f"{name} (table {named[name]})"
        # Three columns of text share a phone's width well enough; four or more are kept readable.
        prose = len(columns) > MIN_COLUMNS and any(
            max((len(c) for c in column), default=0) >= PROSE_CHARS for column in columns)
        classes = "rs-table-region rs-table-region--prose" if prose else "rs-table-region"
        out.append(html_text[last:match.start()])
        out.append(f'<div class="{classes}" role="region" tabindex="0" aria-label="{html.escape(label)}">'
                   f"{table}</div>")
        last = match.end()
    out.append(html_text[last:])
    return "".join(out)


# --- hooks -----------------------------------------------------------------

@event_priority(-50)  # after the marker pass has written its tables
def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return wrap_tables(html_text)
