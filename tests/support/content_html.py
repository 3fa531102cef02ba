"""Read a built page for the content tests: ids, links, headings, images,
abbreviations, checklist items and the article text, with the stdlib parser."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Heading:
    level: int
    id: str
    text: str


@dataclass
class BuiltPage:
    path: Path
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)  # every <a href> on the page
    content_links: list[tuple[str, str]] = field(default_factory=list)  # (href, text) inside the article
    headings: list[Heading] = field(default_factory=list)  # inside the article
    images: list[dict[str, str | None]] = field(default_factory=list)
    abbrs: dict[str, str] = field(default_factory=dict)  # term -> title
    scripts: list[str] = field(default_factory=list)  # src of every <script src>, in document order
    stylesheets: list[str] = field(default_factory=list)
    checklist_items: list[dict[str, str]] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # for -> label text
    checkboxes: list[dict[str, str | None]] = field(default_factory=list)
    blocks: list[str] = field(default_factory=list)  # text of each paragraph/list item/heading in the article
    text: str = ""


class _Parser(HTMLParser):
    def __init__(self, page: BuiltPage) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.stack: list[str] = []
        self.article_depth: int | None = None
        self.skip_depth: int | None = None
        self.capture: list[tuple[str, list[str], dict[str, str | None]]] = []
        self.text: list[str] = []
        self.block: list[str] | None = None
        self.item: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = dict(attrs_list)
        if attrs.get("id"):
            self.page.ids.add(attrs["id"] or "")
        in_article = self.article_depth is not None
        if tag == "article" and "md-content__inner" in (attrs.get("class") or ""):
            self.article_depth = len(self.stack)
        if tag == "a" and attrs.get("href") is not None:
            self.page.links.append(attrs["href"] or "")
            if in_article:
                self.capture.append(("a", [], attrs))
        elif tag == "script" and attrs.get("src"):
            self.page.scripts.append(attrs["src"] or "")
        elif tag == "link" and attrs.get("rel") == "stylesheet":
            self.page.stylesheets.append(attrs.get("href") or "")
        if in_article:
            if tag in {"script", "style", "pre", "svg"} and self.skip_depth is None:
                self.skip_depth = len(self.stack)
            if re.fullmatch(r"h[1-6]", tag) or tag in {"abbr", "label"}:
                self.capture.append((tag, [], attrs))
            elif tag == "img":
                self.page.images.append(attrs)
            elif tag == "input" and attrs.get("type") == "checkbox":
                self.page.checkboxes.append(attrs)
            elif tag == "li" and "guide-checklist__item" in (attrs.get("class") or ""):
                self.item = {"id": attrs.get("id") or "", "href": ""}
                self.page.checklist_items.append(self.item)
            if tag in {"p", "li", "td", "th", "dt", "dd"} or re.fullmatch(r"h[1-6]", tag):
                self.block = []
                self.page.blocks.append("")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or tag not in self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            depth = len(self.stack)
            if self.skip_depth is not None and depth <= self.skip_depth:
                self.skip_depth = None
            if self.article_depth is not None and depth <= self.article_depth:
                self.article_depth = None
            self._close_capture(open_tag)
            if open_tag == tag:
                break

    def _close_capture(self, tag: str) -> None:
        if not self.capture or self.capture[-1][0] != tag:
            return
        _, parts, attrs = self.capture.pop()
        text = " ".join("".join(parts).split()).replace("¶", "").strip()
        for outer in self.capture:  # nested captures (a link inside a heading) see the text too
            outer[1].append("".join(parts))
        if tag == "a":
            self.page.content_links.append((attrs.get("href") or "", text))
            if self.item is not None and not self.item["href"]:
                self.item["href"] = attrs.get("href") or ""
        elif tag == "abbr":
            self.page.abbrs.setdefault(text, attrs.get("title") or "")
        elif tag == "label":
            self.page.labels[attrs.get("for") or ""] = text
        else:
            self.page.headings.append(Heading(int(tag[1]), attrs.get("id") or "", text))

    def handle_data(self, data: str) -> None:
        if self.article_depth is None or self.skip_depth is not None:
            return
        for _, parts, _ in self.capture[-1:]:
            parts.append(data)
        self.text.append(data)
        if self.page.blocks:
            self.page.blocks[-1] += data


def read_page(path: Path) -> BuiltPage:
    page = BuiltPage(path)
    parser = _Parser(page)
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    page.text = " ".join("".join(parser.text).split())
    page.blocks = [" ".join(b.split()).replace("¶", "").strip() for b in page.blocks]
    page.blocks = [b for b in page.blocks if b]
    return page


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The built file and fragment an internal href points to; None for other origins and mailto/tel."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    target = (page.parent / unquote(parts.path)).resolve()
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    try:
        target.relative_to(site.resolve())
    except ValueError:
        return site / "__outside_the_site__", ""
    return target, unquote(parts.fragment)
