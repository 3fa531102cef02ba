"""Guidance pages: turn Markdown checklists into interactive, printable ones, and
render the readable glossary. (Diagrams are drawn at build time: hooks/diagrams.py.)

Checklists: a checklist is an ordinary Markdown task list inside
``<div class="guide-checklist" data-checklist="NAME" markdown>``. Every item
carries an id (``{ #id }`` on the line below it) and ends with a link to the
guidance that explains it. The hook checks that, then renders each item through
``overrides/partials/guide-checklist-item.html`` as a labelled checkbox, adds the
toolbar from ``guide-checklist-tools.html`` and loads ``checklists.mjs``, which
keeps the ticks in the browser. Without JavaScript the page still reads (and
prints) as a list of checkboxes.

Glossary: ``docs/includes/glossary.md`` is the one list of terms. pymdownx.snippets
appends it to every page, where the abbr extension turns each term into a
tooltip; :func:`load_glossary` reads the same entries for hooks/markers.py,
whose ``<!-- guide:glossary -->`` marker renders them as a definition list. A
malformed glossary line stops the build.

Markers are not handled here: hooks/markers.py replaces all of them, before
these transforms run.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

CHECKLIST_SCRIPT = "assets/js/checklists.mjs"


# --- hooks -----------------------------------------------------------------

def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _render_checklists(html_text, page, config) or html_text


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Glossary terms reachable by keyboard and touch (see :func:`focusable_glossary_terms`)."""
    return focusable_glossary_terms(output)


# --- helpers ---------------------------------------------------------------

def focusable_glossary_terms(html_text: str) -> str:
    """Make every glossary term (``<abbr title>``, from the abbr extension or the glossary filter) focusable.

    A title shows only on mouse hover; with ``tabindex="0"`` a term takes the focus by
    Tab or a tap, and Material's tooltip (``content.tooltips``) shows the definition
    on focus as text; site.css gives it a focus ring.
    """
    return ABBR_OPEN.sub(r'<abbr tabindex="0" \1', html_text)


def load_glossary(path: Path) -> list[dict[str, str]]:
    """The shared abbreviations file as terms sorted for reading; a malformed line stops the build."""
    terms: dict[str, dict[str, str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        match = GLOSSARY_LINE.fullmatch(line.strip())
        if match is None:
            raise PluginError(f"{path}:{number}: not a glossary entry: {line!r} "
                              "(fix: write it as `*[TERM]: definition`)")
        term, definition = match.group(1), match.group(2).strip()
        if term in terms:
            raise PluginError(f"{path}:{number}: {term!r} is defined twice (fix: keep one definition)")
        terms[term] = {"term": term, "definition": definition, "id": "term-" + _slug(term)}
    if not terms:
        raise PluginError(f"{path}: the glossary is empty (fix: add `*[TERM]: definition` lines)")
    return sorted(terms.values(), key=lambda t: t["term"].casefold())


def _slug(term: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", term.casefold()).strip("-")


def _render_checklists(html_text: str, page: Page, config: MkDocsConfig) -> str | None:
    """Render every checklist block on the page; None when the page has none."""
    blocks = list(CHECKLIST_BLOCK.finditer(html_text))
    if not blocks:
        return None
    env = config.theme.get_env()
    item_template = env.get_template("partials/guide-checklist-item.html")
    tools_template = env.get_template("partials/guide-checklist-tools.html")
    seen: set[str] = set()
    names: set[str] = set()
    out: list[str] = []
    position = 0
    for block in blocks:
        name, body = block.group("name"), block.group("body")
        if not CHECKLIST_NAME.fullmatch(name):
            raise _fail(page, f'data-checklist="{name}" is not a valid checklist name',
                        "use lower-case letters, digits and hyphens")
        if name in names:
            raise _fail(page, f'two checklists are named "{name}"', "give each checklist its own data-checklist name")
        names.add(name)
        items = [_checklist_item(page, match, seen) for match in TASK_ITEM.finditer(body)]
        if not items and "<li" not in body:
            raise _fail(page, f'checklist "{name}" has no items',
                        "write the items as a Markdown task list (`- [ ] text [guidance](page.md#anchor)`)")
        rest = TASK_ITEM.sub("", body)
        if "<li" in rest:
            raise _fail(page, f'checklist "{name}" has an item without an id, or one that is not a task list item',
                        "write every item as `- [ ] text [guidance](page.md#anchor)` with `{ #item-id }` "
                        "indented on the line below")
        rendered = [Markup(item_template.render(name=name, **item)) for item in items]
        out.append(html_text[position:block.start()])
        out.append(tools_template.render(name=name, items=rendered, count=len(items),
                                         ids=json.dumps([i["id"] for i in items])))
        position = block.end()
    out.append(html_text[position:])
    src = get_relative_url(CHECKLIST_SCRIPT, page.url)
    out.append(f'<script type="module" src="{src}"></script>')
    return "".join(out)


def _checklist_item(page: Page, match: re.Match[str], seen: set[str]) -> dict[str, Markup | str]:
    item_id, body = match.group("id"), match.group("body").strip()
    if item_id in seen:
        raise _fail(page, f'checklist item id "{item_id}" is used twice', "give every item its own id")
    seen.add(item_id)
    link = TRAILING_LINK.search(body)
    if link is None:
        raise _fail(page, f'checklist item "{item_id}" does not end with a link to the guidance that explains it',
                    "end the item with `[guidance title](../page.md#anchor)`")
    return {"id": item_id, "text": Markup(body[:link.start()].strip()), "link": Markup(link.group(0))}


def _fail(page: Page, reason: str, fix: str) -> PluginError:
    return PluginError(f"{page.file.src_uri}: {reason} (fix: {fix})")


# --- data ------------------------------------------------------------------

GLOSSARY = "includes/glossary.md"
GLOSSARY_LINE = re.compile(r"\*\[([^\]]+)\]:\s*(\S.*)")
ABBR_OPEN = re.compile(r"<abbr (title=)")

CHECKLIST_BLOCK = re.compile(
    r'<div class="guide-checklist" data-checklist="(?P<name>[^"]*)">\s*'
    r'<ul class="task-list">(?P<body>.*?)</ul>\s*</div>', re.S)
CHECKLIST_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# pymdownx.tasklist (custom_checkbox) output, with the id from attr_list.
TASK_ITEM = re.compile(
    r'<li class="task-list-item" id="(?P<id>[^"]+)">\s*<label class="task-list-control">'
    r'<input type="checkbox"(?: disabled)?(?: checked)?\s*/?>\s*<span class="task-list-indicator"></span></label>'
    r'(?P<body>.*?)</li>', re.S)
TRAILING_LINK = re.compile(r'<a href="[^"]+"[^>]*>(?:(?!</a>).)+</a>\s*\.?$', re.S)
