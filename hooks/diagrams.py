"""Diagrams drawn once, not in every reader's browser.

A ```mermaid fence in a page is replaced by the SVG that ``tools/render_diagrams.py``
drew from it with the site's pinned Mermaid (in Chromium, with Material for
MkDocs' own diagram styles) and committed as ``docs/assets/diagrams/<key>.svg``,
where the key is a hash of the fence's source. The SVG goes into the page inline:
its labels are real text, its ``<title>`` and ``<desc>`` come from the diagram's
``accTitle`` and ``accDescr``, and its colours are Material's ``--md-mermaid-*``
custom properties, so it follows the light and dark schemes. Readers download no
diagram library. The block around it is a region the keyboard can focus,
named after the diagram: on a narrow screen a wide diagram scrolls there at a
readable size (the SVG carries the width it was drawn at, ``--rs-diagram-width``,
for docs/assets/css/guide.css) instead of shrinking its labels.

A diagram whose source changed without its SVG being drawn again stops the build
with the command to run; a build with current SVGs needs no browser.

The search index sees neither the diagram's source nor its styles: the block is
replaced by a placeholder comment in ``on_page_content`` (which the search
plugin reads) and the placeholder by the SVG in ``on_post_page``.
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import _project

DIAGRAM_DIR = _project.ROOT / "docs" / "assets" / "diagrams"
DIAGRAM_URI = "assets/diagrams/"  # the committed SVGs are inlined, never served as files
COMMAND = ".venv/bin/python tools/render_diagrams.py"

# Material's superfences output for a ```mermaid fence (mkdocs.yml custom_fences).
BLOCK = re.compile(r'<pre class="mermaid"><code>(?P<source>.*?)</code></pre>', re.S)
PLACEHOLDER = re.compile(r"<!-- rs-diagram (?P<key>[0-9a-f]{16}) -->")
# A fence in the Markdown source, as tools/render_diagrams.py finds them.
FENCE = re.compile(r"^```mermaid[ \t]*\n(?P<source>.*?)^```[ \t]*$", re.M | re.S)
ACC_TITLE = re.compile(r"^\s*accTitle:\s*(.+)$", re.M)
# Mermaid's width for the drawing, on its root element: style="max-width: 655.5px;".
DRAWN_WIDTH = re.compile(r'(?<=<svg )[^>]*?style="max-width: (?P<width>[\d.]+)px;')


def diagram_key(source: str) -> str:
    """The hash that names a diagram's SVG: its source, line endings and surrounding blank space aside."""
    text = source.replace("\r\n", "\n").strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def svg_path(source: str) -> Path:
    return DIAGRAM_DIR / f"{diagram_key(source)}.svg"


# --- hooks -----------------------------------------------------------------

def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The committed SVGs go into the pages, not into the site as files of their own."""
    for file in [f for f in files if f.src_uri.startswith(DIAGRAM_URI)]:
        files.remove(file)
    return files


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    def replace(match: re.Match[str]) -> str:
        source = html.unescape(match.group("source"))
        path = svg_path(source)
        if not path.exists():
            raise PluginError(
                f"{page.file.src_uri}: the diagram starting {source.strip().splitlines()[0][:60]!r} has no drawing "
                f"(no {path.relative_to(_project.ROOT)}; its source changed or it is new). "
                f"Fix: run `{COMMAND}` (it needs Chromium and `npm ci`) and commit docs/assets/diagrams/")
        title = ACC_TITLE.search(source)
        label = html.escape(f"Diagram: {title.group(1).strip()}" if title else "Diagram")
        # A wide diagram scrolls in this region on a narrow screen (docs/assets/css/guide.css): the
        # keyboard can focus it and scroll it.
        return (f'<div class="mermaid rs-diagram" role="region" tabindex="0" aria-label="{label}">'
                f'<!-- rs-diagram {diagram_key(source)} --></div>')

    return BLOCK.sub(replace, html_text)


def drawing(key: str) -> str:
    """The committed SVG, with the width it was drawn at as ``--rs-diagram-width`` (the stylesheet keeps
    the drawing from shrinking its labels below a readable size on a narrow screen)."""
    svg = (DIAGRAM_DIR / f"{key}.svg").read_text(encoding="utf-8").strip()
    return DRAWN_WIDTH.sub(lambda m: f'{m.group(0)} --rs-diagram-width: {m.group("width")}px;', svg, count=1)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return PLACEHOLDER.sub(lambda m: drawing(m.group("key")), output)
