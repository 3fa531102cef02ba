"""The guidance content, checked in the built site (`mkdocs build --strict`, once
per session, by the `built_site` fixture in conftest.py): every page builds,
every internal link and checklist link resolves, every glossary term is used,
pages are structured for screen readers, end with sources and a review date,
and share no twelve-word run with the seed documents."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
import tomllib
from functools import cache
from itertools import pairwise
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from mkdocs.exceptions import PluginError

import assessments

from tests.support.content_html import BuiltPage, read_page, resolve
from tests.support.content_seeds import FINGERPRINTS, RUN_LENGTH, load_fingerprints, runs
from tests.support.paths import ROOT

DOCS = ROOT / "docs"
sys.path.append(str(ROOT / "hooks"))  # appended, so hook modules never shadow other imports
import diagrams  # noqa: E402

import content  # noqa: E402 - a hook module, imported by bare name as MkDocs does

# The pages this guide writes (the assessment, screening and privacy pages belong to the engine).
GUIDANCE = [
    "index.md", "key-points.md", "planning-international-activities.md", "know-your-collaborator.md",
    "visitors.md", "red-flags.md", "what-you-provide.md", "travel.md", "money-and-roles.md", "sanctions.md",
    "contacts.md", "glossary.md", "federal-sponsors.md", "talent-programs.md", "worked-examples.md",
    "research-group.md", "changes.md",
]
CHECKLISTS = [
    "checklists/informal-collaboration.md", "checklists/visitor.md", "checklists/travel.md",
    "checklists/shipping.md", "checklists/international-engagements.md",
]
PAGES = [*GUIDANCE, "checklists/index.md", *CHECKLISTS]
REVIEWED = re.compile(r"Last reviewed: (\d{4}-\d{2}-\d{2})")


def built(site: Path, source: str) -> Path:
    if source == "index.md" or source.endswith("/index.md"):
        return site / source.removesuffix("index.md") / "index.html"
    return site / source.removesuffix(".md") / "index.html"


@cache
def _read(path: Path) -> BuiltPage:
    return read_page(path)


def page(site: Path, source: str) -> BuiltPage:
    path = built(site, source)
    assert path.exists(), f"{source} was not built to {path}"
    return _read(path)


def all_pages(site: Path) -> list[Path]:
    # 404.html is served at any path: it has no links to check (tests/site/test_not_found_page.py).
    rels = [(p, p.relative_to(site).as_posix()) for p in sorted(site.rglob("*.html"))]
    return [p for p, rel in rels if not rel.startswith("assets/") and rel != "404.html"]


def glossary_terms() -> dict[str, str]:
    return {t["term"]: t["definition"] for t in content.load_glossary(DOCS / content.GLOSSARY)}


# --- every page builds and is well formed -----------------------------------

@pytest.mark.parametrize("source", PAGES)
def test_page_builds_with_one_h1_and_headings_in_order(built_site: Path, source: str) -> None:
    built_page = page(built_site, source)
    levels = [h.level for h in built_page.headings]
    assert levels and levels[0] == 1 and levels.count(1) == 1, f"{source}: needs exactly one h1, first: {levels}"
    for before, after in pairwise(levels):
        assert after <= before + 1, f"{source}: heading level jumps from h{before} to h{after}"


@pytest.mark.parametrize("source", PAGES)
def test_page_ends_with_sources_and_review_date(built_site: Path, source: str) -> None:
    built_page = page(built_site, source)
    assert built_page.headings[-1].id == "sources", f"{source}: the last section must be 'Sources'"
    # The theme's element (overrides/partials/guide-reviewed.html) closes the article: the date, then Sources.
    last = built_page.blocks[-1]
    match = REVIEWED.match(last)
    assert match, f"{source}: must end with 'Last reviewed: YYYY-MM-DD', ends with {last!r}"
    assert match.group(1) == str(front_matter_reviewed(source)), f"{source}: shows another date than its front matter"
    assert "Sources" in last, f"{source}: the review line must link the Sources section"
    sources = built_page.text.split("Sources", 1)[-1]
    assert len(sources.split()) > 8, f"{source}: the Sources section is empty"


@pytest.mark.parametrize("source", PAGES)
def test_images_have_alt_text_and_links_have_text(built_site: Path, source: str) -> None:
    built_page = page(built_site, source)
    for image in built_page.images:
        assert (image.get("alt") or "").strip(), f"{source}: image {image.get('src')} has no alt text"
    for href, text in built_page.content_links:
        if href.startswith("#") and not text:
            continue  # the permalink anchor of a heading: its "¶" has a title instead
        assert text.strip(), f"{source}: link to {href} has no text"
        assert text.casefold() not in {"here", "click here", "this", "link"}, f"{source}: vague link text {text!r}"


def test_no_unreplaced_marker_or_raw_attribute_list(built_site: Path) -> None:
    for source in PAGES:
        html = built(built_site, source).read_text(encoding="utf-8")
        assert not re.search(r"<!--\s*(cfg|md|guide):", html), f"{source}: a marker was left in the page"
        assert "{ #" not in html and "{: " not in html, f"{source}: an attribute list was not applied"


def test_every_internal_link_resolves(built_site: Path) -> None:
    broken = []
    for path in all_pages(built_site):
        for href in _read(path).links:
            target = resolve(built_site, path, href)
            if target is None:
                continue
            file, fragment = target
            if not file.exists():
                broken.append(f"{path.relative_to(built_site)}: {href} (no such file)")
            elif fragment and file.suffix == ".html" and fragment not in _read(file).ids:
                broken.append(f"{path.relative_to(built_site)}: {href} (no id {fragment!r})")
    assert broken == []


def test_pages_load_scripts_and_styles_only_from_the_site(built_site: Path) -> None:
    for source in PAGES:
        built_page = page(built_site, source)
        for url in built_page.scripts + built_page.stylesheets:
            assert "//" not in url, f"{source}: loads {url} from another origin"


# --- the diagrams, drawn at build time (hooks/diagrams.py) -------------------

DRAWN = {"index.md": "Do I need to submit anything", "what-you-provide.md": "Information or item"}


@pytest.mark.parametrize("source", sorted(DRAWN))
def test_flowchart_is_in_the_page_as_a_drawing_with_text(built_site: Path, source: str) -> None:
    html = built(built_site, source).read_text(encoding="utf-8")
    assert '<pre class="mermaid">' not in html, f"{source}: a diagram was left as source"
    svgs = re.findall(r'<div class="mermaid rs-diagram"[^>]*><svg id="rs-diagram-[0-9a-f]{16}".*?</svg></div>', html, re.S)
    assert len(svgs) == 1, f"{source}: expected one drawn diagram"
    svg = svgs[0]
    title = re.search(r"<title[^>]*>([^<]*)</title>", svg)
    assert title and DRAWN[source] in title.group(1), f"{source}: the drawing has no accessible title"
    assert re.search(r"<desc[^>]*>[^<]{40,}</desc>", svg), f"{source}: the drawing has no description"
    labels = re.findall(r'<span class="nodeLabel"[^>]*>(?:<p>)?([^<]+)', svg)
    assert len(labels) >= 5, f"{source}: the node labels are not text in the drawing: {labels}"
    # Colours come from Material's scheme variables, so one drawing serves light and dark.
    assert "var(--md-mermaid-node-bg-color)" in svg and "var(--md-mermaid-label-fg-color)" in svg


def test_no_page_ships_a_diagram_library(built_site: Path) -> None:
    for source in PAGES:
        built_page = page(built_site, source)
        assert not any("mermaid" in s for s in built_page.scripts), f"{source}: loads Mermaid"
        assert any(s.endswith("checklists.mjs") for s in built_page.scripts) == (source in CHECKLISTS), source
    assert not list(built_site.rglob("mermaid*")), "Mermaid is in the site"
    assert not (built_site / "assets" / "diagrams").exists(), "the drawings are inlined, not served"
    assert "mermaid" not in (built_site / "sw.js").read_text(encoding="utf-8")
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "flowchart TD" not in index and "rs-diagram" not in index, "diagram source or styles in the search"


def test_every_diagram_in_the_docs_has_a_current_drawing() -> None:
    keys = {diagrams.diagram_key(m.group("source")) for path in DOCS.rglob("*.md")
            for m in diagrams.FENCE.finditer(path.read_text(encoding="utf-8"))}
    drawn = {p.stem for p in diagrams.DIAGRAM_DIR.glob("*.svg")}
    assert keys == drawn, f"run `{diagrams.COMMAND}`: missing {sorted(keys - drawn)}, stale {sorted(drawn - keys)}"


def test_a_changed_diagram_without_a_new_drawing_stops_the_build_with_the_command() -> None:
    fake = SimpleNamespace(file=SimpleNamespace(src_uri="example.md"))
    html = '<p>x</p><pre class="mermaid"><code>flowchart TD\n    a[&quot;Changed&quot;] --&gt; b</code></pre>'
    with pytest.raises(PluginError) as error:
        diagrams.on_page_content(html, fake, None, None)  # type: ignore[arg-type]
    assert "tools/render_diagrams.py" in str(error.value) and "example.md" in str(error.value)
    # A current one becomes a placeholder (for the search) and then the drawing.
    source = (DOCS / "what-you-provide.md").read_text(encoding="utf-8")
    fence = diagrams.FENCE.search(source).group("source")  # type: ignore[union-attr]
    escaped = fence.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    replaced = diagrams.on_page_content(f'<pre class="mermaid"><code>{escaped}</code></pre>', fake, None, None)  # type: ignore[arg-type]
    assert "<svg" not in replaced and "flowchart" not in replaced
    final = diagrams.on_post_page(replaced, fake, None)  # type: ignore[arg-type]
    assert final.startswith('<div class="mermaid rs-diagram"') and "><svg id=" in final and "What will you provide?" in final


# --- checklists ------------------------------------------------------------

@pytest.mark.parametrize("source", CHECKLISTS)
def test_checklist_items_are_labelled_checkboxes_linking_to_existing_anchors(built_site: Path, source: str) -> None:
    built_page = page(built_site, source)
    path = built(built_site, source)
    assert len(built_page.checklist_items) >= 5, f"{source}: a checklist needs its items"
    boxes = {box.get("id"): box for box in built_page.checkboxes}
    for item in built_page.checklist_items:
        box = boxes.get(f"{item['id']}-check")
        assert box is not None and "disabled" not in box, f"{source}: item {item['id']} has no usable checkbox"
        assert len(built_page.labels.get(f"{item['id']}-check", "").split()) >= 4, f"{item['id']}: no label"
        target = resolve(built_site, path, item["href"])
        assert target is not None, f"{source}: item {item['id']} links outside the site"
        file, fragment = target
        assert fragment, f"{source}: item {item['id']} must link to a section (#anchor), not a whole page"
        assert file.exists() and fragment in _read(file).ids, f"{source}: item {item['id']} -> {item['href']}"


def test_checklist_index_lists_every_checklist(built_site: Path) -> None:
    index = built(built_site, "checklists/index.md")
    targets = [resolve(built_site, index, href) for href, _ in page(built_site, "checklists/index.md").content_links]
    links = {target[0].resolve() for target in targets if target is not None}
    for source in CHECKLISTS:
        assert built(built_site, source).resolve() in links, f"checklists/index.md does not link {source}"


class _Page(SimpleNamespace):
    pass


def _render(html: str) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"), autoescape=True)
    config = SimpleNamespace(theme=SimpleNamespace(get_env=lambda: env))
    fake = _Page(file=SimpleNamespace(src_uri="checklists/example.md"), url="checklists/example/")
    return content._render_checklists(html, fake, config) or ""  # type: ignore[arg-type]


ITEM = ('<li class="task-list-item" id="{id}"><label class="task-list-control"><input type="checkbox" disabled/>'
        '<span class="task-list-indicator"></span></label> {body}</li>')


def _checklist(*items: str, name: str = "example") -> str:
    body = "".join(items)
    return f'<div class="guide-checklist" data-checklist="{name}">\n<ul class="task-list">\n{body}</ul>\n</div>'


def test_checklist_renderer_makes_labelled_checkboxes() -> None:
    html = _render(_checklist(ITEM.format(id="a-one", body='Do <em>this</em>. <a href="../x/#y">Why</a>')))
    assert '<input type="checkbox" id="a-one-check"' in html and "disabled" not in html
    assert '<label for="a-one-check">Do <em>this</em>.</label>' in html
    assert '<a href="../x/#y">Why</a>' in html and 'src="../../assets/js/checklists.mjs"' in html


@pytest.mark.parametrize(("html", "message"), [
    (_checklist(ITEM.format(id="a", body="No link at the end.")), "does not end with a link"),
    (_checklist(ITEM.format(id="a", body='<a href="x">x</a>'), ITEM.format(id="a", body='<a href="y">y</a>')),
     "used twice"),
    (_checklist(ITEM.replace(' id="{id}"', "").format(body='x <a href="y">y</a>')), "without an id"),
    ('<div class="guide-checklist" data-checklist="example">\n<ul class="task-list">\n</ul>\n</div>', "has no items"),
    (_checklist('<li class="task-list-item" id="a">plain item <a href="y">y</a></li>'), "not a task list item"),
    (_checklist(ITEM.format(id="a", body='x <a href="y">y</a>'),
                ITEM.replace(' id="{id}"', "").format(body='x <a href="y">y</a>')), "without an id"),
    (_checklist(ITEM.format(id="a", body='x <a href="y">y</a>'), name="Bad Name"), "not a valid checklist name"),
])
def test_checklist_renderer_rejects_bad_markup_naming_the_file(html: str, message: str) -> None:
    with pytest.raises(PluginError, match=message) as error:
        _render(html)
    assert "checklists/example.md" in str(error.value) and "fix:" in str(error.value)


# --- glossary ---------------------------------------------------------------

def test_glossary_file_is_well_formed_and_covers_the_core_terms() -> None:
    terms = glossary_terms()
    core = ["EAR", "ITAR", "OFAC", "SDN", "Entity List", "restricted party", "deemed export",
            "fundamental research", "elevated-risk country", "country of concern", "talent recruitment program",
            "in-kind support", "BIS", "TMP", "MFTRP", "Section 1286 list"]
    assert [t for t in core if t not in terms] == []
    for term, definition in terms.items():
        assert len(definition.split()) >= 5, f"glossary: {term!r} needs a real definition"


def test_glossary_rejects_malformed_lines(tmp_path: Path) -> None:
    bad = tmp_path / "glossary.md"
    bad.write_text("*[EAR]: Export Administration Regulations\nEAR means something\n", encoding="utf-8")
    with pytest.raises(PluginError, match=r"glossary.md:2: not a glossary entry"):
        content.load_glossary(bad)
    bad.write_text("*[EAR]: one\n*[EAR]: two\n", encoding="utf-8")
    with pytest.raises(PluginError, match="defined twice"):
        content.load_glossary(bad)


def test_every_glossary_term_appears_as_a_tooltip_and_on_the_glossary_page(built_site: Path) -> None:
    terms = glossary_terms()
    used: dict[str, str] = {}
    for source in PAGES:
        if source != "glossary.md":
            used.update(page(built_site, source).abbrs)
    assert [t for t in terms if t not in used] == [], "glossary terms never used in the guidance"
    for term, title in used.items():
        assert title == terms[term], f"tooltip for {term!r} differs from the glossary"
    glossary = page(built_site, "glossary.md")
    for term in terms:
        assert f"term-{content._slug(term)}" in glossary.ids, f"glossary page lacks {term!r}"


# --- written in our own words ---------------------------------------------------

def test_seed_fingerprints_are_present() -> None:
    # Guards against a missing or truncated file making the copy check pass vacuously.
    assert len(load_fingerprints()) > 2000, f"{FINGERPRINTS} looks truncated: regenerate it (see its header)"


def test_copy_detector_finds_a_shared_run() -> None:
    text = "one two three four five six seven eight nine ten eleven twelve thirteen"
    fingerprints = {fp for fp, _ in runs(text)}
    assert len(fingerprints) == 2
    shifted = "Zero, ONE two three four five six seven eight nine ten eleven twelve!"
    assert {fp for fp, _ in runs(shifted)} & fingerprints
    assert not {fp for fp, _ in runs("one two three four five six seven eight nine ten eleven")} & fingerprints


def test_no_page_shares_a_twelve_word_run_with_a_seed(built_site: Path) -> None:
    seeds = load_fingerprints()
    copied = []
    for path in all_pages(built_site):
        text = _read(path).text
        copied += [f"{path.relative_to(built_site)}: {run}" for fp, run in runs(text) if fp in seeds]
    for source in sorted(DOCS.rglob("*.md")):
        text = source.read_text(encoding="utf-8")
        copied += [f"docs/{source.relative_to(DOCS)}: {run}" for fp, run in runs(text) if fp in seeds]
    assert copied == [], f"runs of {RUN_LENGTH}+ words copied from a seed document"


def test_no_real_people_or_seed_institution_names_in_the_guidance(built_site: Path) -> None:
    # The seeds name officials and institution-specific offices and tools; the guide must not.
    banned = re.compile(r"\b(IIC tool|VPR|UM Research Security|Vice President for Research|Zuber|Lester|"
                        r"Khoury|Moffatt|Leskiw|Panickar|Reif)\b")
    for source in PAGES:
        # The page's own Sources section, not the "Last reviewed · Sources" line after it.
        text = page(built_site, source).text.rsplit("Last reviewed:", 1)[0]
        body = text.rsplit("Sources", 1)[0]
        assert not banned.search(body), f"{source}: names {banned.search(body).group(0)!r}"  # type: ignore[union-attr]
        assert not re.search(r"\bMIT\b", body), f"{source}: mentions MIT outside the sources"


@pytest.mark.parametrize("source", PAGES)
def test_markers_sit_inside_text_not_at_line_starts(source: str) -> None:
    # Python-Markdown treats a line that starts with an HTML comment as a raw block, which
    # splits the paragraph around it; only block markers may stand alone on a line.
    lines = (DOCS / source).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith("<!--"):
            alone = re.fullmatch(r"\s*<!--[^>]*-->\s*", line)
            blank_around = (number == 1 or not lines[number - 2].strip()) and (
                number == len(lines) or not lines[number].strip())
            assert alone and blank_around, f"docs/{source}:{number}: start the line with text, not a marker"


# --- in Chromium: the flowchart renders locally, checklists keep state and print --------

@pytest.mark.parametrize("source", [p for p in PAGES if p != "glossary.md"])
def test_page_points_to_a_form_and_the_self_assessment(built_site: Path, source: str) -> None:
    path = built(built_site, source)
    html = path.read_text(encoding="utf-8")
    assert 'class="rs-form-link"' in html, f"{source}: link the relevant form with <!-- cfg:form ID -->"
    if source != "contacts.md":  # the contacts page links it in its table of starting points
        targets = [resolve(built_site, path, href) for href, _ in _read(path).content_links]
        assessment = (built_site / "self-assessment" / "index.html").resolve()
        assert any(t is not None and t[0].resolve() == assessment for t in targets), \
            f"{source}: link the self-assessment"


def test_material_bundle_is_deferred_and_no_script_blocks_the_form(built_site: Path) -> None:
    """Only Material's tiny start-up scripts run while the page is parsed: the questionnaire is usable sooner.

    Material's bundle is deferred by overrides/main.html (it starts on DOMContentLoaded, which
    deferred scripts still precede); a Material upgrade that changes its scripts block fails here.
    """
    blocking_allowed = {"md-storage.js", "md-palette.js", "md-content.js"}  # inline scripts moved to files
    for source in [*PAGES, "self-assessment.md"]:
        html = built(built_site, source).read_text(encoding="utf-8")
        tags = re.findall(r"<script\b[^>]*\bsrc=\"([^\"]+)\"[^>]*>", html)
        if source == "self-assessment.md":
            # There the bundle waits for the engine (site_src/material-after-engine.js), which starts first.
            later = re.findall(r'<script src="([^"]+)" data-bundle="([^"]+)" defer>', html)
            assert [(a.rsplit("/", 1)[-1], "javascripts/bundle." in b) for a, b in later] == \
                [("material-after-engine.js", True)], f"{source}: {later}"
            assert not any("javascripts/bundle." in t for t in tags), f"{source}: the bundle also loads at once"
            first = re.search(r"<head>\s*<meta http-equiv=\"Content-Security-Policy\"[^>]*>\s*(<script[^>]*>)", html)
            assert first and 'type="module" async' in first.group(1) and "js/engine.mjs" in first.group(1), \
                f"{source}: the engine's module is not the first thing after the CSP"
        else:
            assert any("javascripts/bundle." in t for t in tags), f"{source}: Material's bundle is missing"
            assert "material-after-engine" not in html and "js/engine.mjs" not in html, source
        for tag in re.findall(r"<script\b[^>]*>", html):
            src = re.search(r'\bsrc="([^"]+)"', tag)
            if not src or 'type="module"' in tag or " defer" in tag or " async" in tag:
                continue
            assert src.group(1).rsplit("/", 1)[-1] in blocking_allowed, f"{source}: {tag} blocks parsing"


def test_no_site_script_listens_for_dom_content_loaded() -> None:
    """material-after-engine.js sends DOMContentLoaded again for Material's late bundle: only Material may listen."""
    for path in sorted((ROOT / "site_src").iterdir()):
        if path.suffix in {".js", ".mjs"} and path.name != "material-after-engine.js":
            text = path.read_text(encoding="utf-8")
            assert "DOMContentLoaded" not in text, f"site_src/{path.name} listens for DOMContentLoaded"


# --- the change log, task routing, new guidance, corrections ------------------------

CHANGES = DOCS / "data" / "changes.toml"
CHANGE_KEYS = {"id", "date", "title", "summary", "sources", "pages"}
NEVER = r"(?!x)x"  # for corrections that add text rather than remove a wrong sentence
ACTIVITIES = ["informal", "agreement", "visitor", "travel", "shipping", "paid", "names"]


def changes() -> list[dict[str, object]]:
    return tomllib.loads(CHANGES.read_text(encoding="utf-8"))["change"]


def test_change_log_data_is_well_formed() -> None:
    entries = changes()
    assert len(entries) >= 10
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids)), "change ids must be unique (a widget keys on them)"
    dates = [e["date"] for e in entries]
    assert dates == sorted(dates), "keep the log in date order"
    for entry in entries:
        assert set(entry) == CHANGE_KEYS, f"{entry.get('id')}: keys {sorted(set(entry) ^ CHANGE_KEYS)}"
        assert isinstance(entry["date"], dt.date)
        registry = assessments.load_policy().sources
        assert entry["sources"] and all(sid in registry for sid in entry["sources"]), entry["id"]
        for sid in entry["sources"]:
            assert registry[sid].url.startswith("https://"), sid
            assert dt.date.fromisoformat(registry[sid].checked) <= dt.date.today() + dt.timedelta(days=1)
        assert len(str(entry["summary"]).split()) >= 10
        for source in entry["pages"]:  # type: ignore[attr-defined]
            assert (DOCS / source).exists(), f"{entry['id']}: no page {source}"


def test_change_log_page_shows_every_entry_with_date_and_source(built_site: Path) -> None:
    built_page = page(built_site, "changes.md")
    html = built(built_site, "changes.md").read_text(encoding="utf-8")
    registry = assessments.load_policy().sources
    for entry in changes():
        assert str(entry["date"]) in built_page.text and str(entry["title"]) in built_page.text, entry["id"]
        row = re.search(rf'<tr id="change-{entry["id"]}".*?</tr>', html, re.S)
        assert row, entry["id"]
        for sid in entry["sources"]:
            source = registry[sid]
            assert f'href="{source.url}"' in row.group(0), f"{entry['id']}: link to {sid} missing"
            assert f"checked {source.checked}" in row.group(0), f"{entry['id']}: checked date of {sid} missing"


def test_change_log_is_generated_from_the_data_through_the_marker(built_site: Path) -> None:
    source = (DOCS / "changes.md").read_text(encoding="utf-8")
    assert "<!-- guide:changes -->" in source, "docs/changes.md must render the log with <!-- guide:changes -->"
    assert not re.search(r"^\|\s*20\d\d-", source, re.M), "no hand-written rows: the data is the one source"
    html = built(built_site, "changes.md").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/json" id="guide-changes-data">(.*?)</script>', html, re.S)
    assert block, "the log page must carry the entries as JSON for site_src/changes-since.mjs"
    data = json.loads(block.group(1))["changes"]
    assert [(c["id"], c["date"]) for c in data] == [(e["id"], str(e["date"])) for e in changes()]
    for change in data:
        assert f'id="change-{change["id"]}"' in html, f"{change['id']}: the row needs its id (notices link to it)"
        for url in change["pages"]:
            assert (built_site / url / "index.html").exists(), f"{change['id']}: no built page {url}"


def test_change_log_data_is_also_a_small_file_kept_for_offline_use(built_site: Path) -> None:
    html = built(built_site, "changes.md").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/json" id="guide-changes-data">(.*?)</script>', html, re.S)
    data = built_site / "assets" / "data" / "changes.json"  # what site_src/changes-since.mjs reads on other pages
    assert block and data.read_text(encoding="utf-8") == block.group(1), "the file must hold the log page's data"
    assert data.stat().st_size * 4 < len(html.encode()), "the file is there to spare other pages the log page"
    worker = re.search(r"^const BUILD = (.*);$", (built_site / "sw.js").read_text(encoding="utf-8"), re.M)
    assert worker, "sw.js has no BUILD line"
    listed = json.loads(worker.group(1))["files"]
    assert listed.get("assets/data/changes.json") == hashlib.sha256(data.read_bytes()).hexdigest()[:16], (
        "the offline copy (sw.js) must keep the change log's data")


@pytest.mark.parametrize("source", PAGES)
def test_pages_load_the_change_notice_and_the_search_name_check(built_site: Path, source: str) -> None:
    scripts = page(built_site, source).scripts
    assert any(s.endswith("assets/js/changes-since.mjs") for s in scripts), f"{source}: no change notice"
    assert any(s.endswith("assets/js/search-name-check.mjs") for s in scripts), f"{source}: no name check"
    for name in ("changes-since.mjs", "search-name-check.mjs"):
        assert (built_site / "assets" / "js" / name).exists()


def test_home_page_routes_each_task_to_its_guidance_and_the_assessment(built_site: Path) -> None:
    path = built(built_site, "index.md")
    links = page(built_site, "index.md").content_links
    assessment = (built_site / "self-assessment" / "index.html").resolve()
    found = set()
    for href, _ in links:
        match = re.search(r"[?&]activity=([a-z]+)", href)
        target = resolve(built_site, path, href)
        if match and target is not None and target[0].resolve() == assessment:
            found.add(match.group(1))
    assert found == set(ACTIVITIES)
    # The task list comes before the first section, so it is the first thing a phone shows.
    html = path.read_text(encoding="utf-8")
    assert html.index("activity=informal") < html.index('id="informal-or-formal"')


def test_talent_programs_is_in_the_navigation(built_site: Path) -> None:
    html = built(built_site, "index.md").read_text(encoding="utf-8")
    assert re.search(r'<a[^>]+href="talent-programs/"[^>]*>\s*(<span[^>]*>)?\s*Talent programs', html)


@pytest.mark.parametrize(("source", "needles"), [
    ("federal-sponsors.md", ["decision matrix", "five years", "Section 1286", "section 238", "NSF", "NIH",
                             "DOE", "NASA", "current-and-pending", "training", "Wolf Amendment"]),
    ("talent-programs.md", ["covered individual", "Section 1286", "country of concern", "offer letter",
                            "Secrecy", "scholarly presentations"]),
    ("worked-examples.md", ["Entity List", "Netherlands", "Section 1286", "lecture", "due diligence"]),
    ("travel.md", ["BAG", "740.14", "Russia and Belarus", "Device searches", "What to leave behind",
                   "734.18(a)(5)"]),
    ("research-group.md", ["discussion guide", "Register it yourself"]),
    ("changes.md", ["2025-06-30", "affiliates", "2026-03-09"]),
])
def test_new_topics_are_covered(built_site: Path, source: str, needles: list[str]) -> None:
    text = page(built_site, source).text
    missing = [n for n in needles if n.casefold() not in text.casefold()]
    assert missing == [], f"{source} lacks {missing}"


@pytest.mark.parametrize(("source", "wrong", "right"), [
    # 1. the Section 1286 bar is a prohibition on DoD funds, not a sponsor's option
    ("know-your-collaborator.md", r"may refuse", r"Defense Department funds may not pay"),
    # 2. the five-year look-back is DoD's 2026 matrix, on the proposers' own papers
    ("know-your-collaborator.md", r"Since 2019", r"proposers' own co-publications"),
    ("red-flags.md", r"Federal sponsors look back", r"2026 decision matrix looks back five years"),
    # 3. the BIS affiliates rule and its suspension
    ("know-your-collaborator.md", NEVER, r"suspended the rule for one\s+year from 10 November 2025"),
    # 4. sanctions apply by location and residence; publishing and travel are authorised
    ("know-your-collaborator.md", r"citizen or resident of a comprehensively", r"ordinarily resident"),
    ("sanctions.md", r"Ask before any research contact", r"<!-- guide:fact publishing_licences -->"),
    # 5. Skoltech: new dealings barred from designation; the general license only wound down
    ("sanctions.md", r"collaborating with\s+researchers there became prohibited", r"\*\*new\*\* dealing"),
    # 6. ITAR 120.50: past permanent residencies do not count
    # (the rule is one shared fact of the source registry, included on the page)
    ("visitors.md", r"ever held", r"<!-- guide:fact deemed_export_countries -->"),
    # 7. end-to-end encrypted cloud data is not an export
    ("what-you-provide.md", NEVER, r"734\.18\(a\)\(5\)"),
    # 8. CHIPS section 10612 is 42 USC 19221; covered individuals and the sponsor test
    ("glossary.md", r"10612 and 10638, 42 USC 19237", r"\nsources: \[.*\bchips_19221\b"),
    ("money-and-roles.md", NEVER, r"\*\*covered individual\*\*"),
    # 9. 126.1(d)(2) countries have exceptions
    ("know-your-collaborator.md", r"The US refuses licenses for defense", r"126\.1\(d\)\(2\)"),
    # 10. the lists do not forbid talking to people
    ("index.md", r"before any research contact", r"do\s+not forbid talking to people"),
    # 11. the DOJ rule's six countries of concern
    ("what-you-provide.md", NEVER, r"six countries of concern: China \(including Hong Kong and Macau\)"),
    # 12. BAG, Russia and Belarus, and nuclear agencies
    ("travel.md", NEVER, r"License Exception BAG, 15 CFR 740\.14"),
    ("planning-international-activities.md", NEVER, r"10 CFR part 110"),
])
def test_corrected_guidance_stays_corrected(source: str, wrong: str, right: str) -> None:
    text = (DOCS / source).read_text(encoding="utf-8")
    assert not re.search(wrong, text, re.M), f"{source}: still says {wrong!r}"
    assert re.search(right, text), f"{source}: lacks {right!r}"


def front_matter_reviewed(source: str) -> dt.date:
    text = (DOCS / source).read_text(encoding="utf-8")
    front = re.match(r"---\n(.*?)\n---\n", text, re.S)
    assert front, f"{source}: no front matter"
    reviewed = re.search(r"^reviewed: (\d{4}-\d{2}-\d{2})$", front.group(1), re.M)
    assert reviewed, f"{source}: add 'reviewed: YYYY-MM-DD' to the front matter"
    return dt.date.fromisoformat(reviewed.group(1))


@pytest.mark.parametrize("source", PAGES)
def test_front_matter_is_the_one_place_of_the_review_date(source: str) -> None:
    assert front_matter_reviewed(source) <= dt.date.today() + dt.timedelta(days=1)
    text = (DOCS / source).read_text(encoding="utf-8")
    assert not REVIEWED.search(text), f"{source}: drop the hand-written 'Last reviewed' line: the theme shows it"


REVIEW_ELEMENT = re.compile(r'<aside class="guide-reviewed"[^>]*>\s*<p><span class="guide-reviewed__date">'
                            r'Last reviewed: <time datetime="(\d{4}-\d{2}-\d{2})">\1</time></span>(.*?)</p>', re.S)


@pytest.mark.parametrize("source", [*PAGES, "screening.md", "privacy.md", "hosting.md"])
def test_theme_shows_the_review_date_and_sources_under_every_reviewed_page(built_site: Path, source: str) -> None:
    html = built(built_site, source).read_text(encoding="utf-8")
    shown = REVIEW_ELEMENT.findall(html)
    assert len(shown) == 1, f"{source}: the review element must appear once, found {len(shown)}"
    date, links = shown[0]
    assert date == str(front_matter_reviewed(source))
    assert '<a href="#sources">Sources</a>' in links, f"{source}: the review element must link the Sources section"
    article = html.index('class="md-content__inner')
    assert article < html.index('class="guide-reviewed"') < html.index("</article>"), f"{source}: not in the article"


@pytest.mark.parametrize("source", ["self-assessment.md", "how-the-assessment-decides.md"])
def test_pages_without_a_review_date_show_no_review_element(built_site: Path, source: str) -> None:
    assert "reviewed" not in (DOCS / source).read_text(encoding="utf-8").split("---")[1]
    assert 'class="guide-reviewed"' not in built(built_site, source).read_text(encoding="utf-8")


# --- sources from the registry (assessments/policy/sources.toml) ---------------------

@pytest.mark.parametrize("source", PAGES)
def test_sources_section_is_generated_from_the_registry_ids_the_page_cites(built_site: Path, source: str) -> None:
    policy = assessments.load_policy()
    text = (DOCS / source).read_text(encoding="utf-8")
    cited = assessments.sources.page_sources(text, policy)
    html = built(built_site, source).read_text(encoding="utf-8")
    listed = re.findall(r'<li id="source-([a-z0-9-]+)">', html)
    assert listed == [sid.replace("_", "-") for sid in cited], f"{source}: Sources list differs from its ids"
    if assessments.mentions_law(text):
        assert cited, f"{source}: states law but cites no registry source"
    # The verification status is for the office's page only.
    section = html.rsplit('id="sources"', 1)[-1]
    assert "Not verified" not in section and "secondary summary" not in section, source


def test_the_office_review_page_lists_every_source_with_its_status(built_site: Path) -> None:
    policy = assessments.load_policy()
    html = (built_site / "source-review" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr id="review-([a-z0-9-]+)"', html)
    assert sorted(rows) == sorted(sid.replace("_", "-") for sid in policy.sources)
    assert "Due now" in html and "Not verified: the text could not be read here" in html
    # The curated aliases still marked "not yet", and only those, are listed for the office.
    curated = tomllib.loads((ROOT / "tools" / "data" / "curated_aliases.toml").read_text(encoding="utf-8"))["alias"]
    unchecked = [n for n, e in enumerate(curated, 1) if str(e.get("checked", "")).lower().startswith("not yet")]
    shown = [int(n) for n in re.findall(r'<li id="alias-review-(\d+)"', html)]
    assert shown == unchecked
    assert 'id="aliases-not-checked"' in html
    nav = (built_site / "hosting" / "index.html").read_text(encoding="utf-8")
    assert 'href="../source-review/"' in nav, "the office page belongs in the navigation beside hosting"


def test_no_page_shows_a_list_item_swallowed_into_a_paragraph(built_site: Path) -> None:
    """A Markdown list item that the parser took for text reads as "- Name ..." on the page: an HTML
    comment (a marker) opening a line inside a list item ends the list there. Every list item renders as one."""
    swallowed = re.compile(r"(?:^|\n)\s*[-*] <strong>")
    found = [f"{path.relative_to(built_site)}: {m.group(0).strip()!r}"
             for path in all_pages(built_site)
             for m in swallowed.finditer(path.read_text(encoding="utf-8"))]
    assert not found, "list items shown as text:\n" + "\n".join(found)
