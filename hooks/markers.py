"""Replace namespaced comment markers in pages with content from data.

``<!-- cfg:... -->`` markers pull institution details from the validated
configuration; ``<!-- md:... -->`` markers render data-driven blocks (the
questionnaire, the rules table) through Jinja templates in ``overrides/``.
An unknown marker stops the build, naming the page and the marker.

Markers are replaced in the page HTML (after Markdown), so they work inline in
paragraphs, lists and tables; they must not be used in headings.
"""

from __future__ import annotations

import html
import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import assessments

import _project

MARKER = re.compile(r"<!--\s*(cfg|md):([a-z0-9_.-]+)(?:\s+([a-z0-9_]+))?\s*-->")


# --- hooks -----------------------------------------------------------------

def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    for heading in re.findall(r"^#{1,6} .*$", markdown, flags=re.M):
        if MARKER.search(heading):
            raise PluginError(f"{page.file.src_uri}: a marker in a heading ({heading!r}) is not supported; "
                              "move it into the text below the heading")
    return markdown


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    context = _Context(page, config)
    return MARKER.sub(context.render, html_text)


# --- helpers ---------------------------------------------------------------

class _Context:
    def __init__(self, page: Page, config: MkDocsConfig) -> None:
        self.page = page
        self.config = config
        self.inst: dict[str, Any] = config.extra["institution"]

    def fail(self, marker: str, reason: str, fix: str) -> PluginError:
        return PluginError(f"{self.page.file.src_uri}: marker <!-- {marker} -->: {reason} (fix: {fix})")

    def url(self, path: str) -> str:
        """A site-relative path as seen from this page (works under any sub-path)."""
        return get_relative_url(path, self.page.url)

    def template(self, name: str, **context: Any) -> str:
        env = self.config.theme.get_env()
        return env.get_template(name).render(page=self.page, config=self.config, **context)

    def render(self, match: re.Match[str]) -> str:
        kind, key, arg = match.group(1), match.group(2), match.group(3)
        marker = f"{kind}:{key}" + (f" {arg}" if arg else "")
        handler = _CFG.get(key) if kind == "cfg" else _MD.get(key)
        if handler is None and kind == "cfg" and key.startswith("institution."):
            handler = _institution_value
        if handler is None:
            known = [*sorted(_CFG), "institution.<key>"] if kind == "cfg" else sorted(_MD)
            raise self.fail(marker, "unknown marker", f"use one of: {', '.join(f'{kind}:{k}' for k in known)}")
        return handler(self, key, arg, marker)


def _institution_value(ctx: _Context, key: str, arg: str | None, marker: str) -> str:
    field = key.split(".", 1)[1]
    if field not in ctx.inst["institution"] or isinstance(ctx.inst["institution"][field], bool):
        raise ctx.fail(marker, f"no institution value {field!r}", "use name, short_name, office or website")
    return html.escape(str(ctx.inst["institution"][field]))


def _form(ctx: _Context, key: str, arg: str | None, marker: str) -> str:
    form = ctx.inst["forms"].get(arg or "")
    if form is None:
        raise ctx.fail(marker, f"unknown form {arg!r}", f"use one of: {', '.join(sorted(ctx.inst['forms']))}")
    return f'<a href="{html.escape(form["url"])}" class="rs-form-link">{html.escape(form["title"])}</a>'


def _contact(ctx: _Context, key: str, arg: str | None, marker: str) -> str:
    contact = ctx.inst["contacts"].get(arg or "")
    if contact is None:
        raise ctx.fail(marker, f"unknown contact {arg!r}", f"use one of: {', '.join(sorted(ctx.inst['contacts']))}")
    return ctx.template("partials/rs-contact-inline.html", contact=contact).strip()


def _contacts_table(ctx: _Context, key: str, arg: str | None, marker: str) -> str:
    policy = assessments.load_policy()
    return ctx.template("partials/rs-contacts.html", inst=ctx.inst, purposes=policy.form_purposes)


def _countries(ctx: _Context, key: str, arg: str | None, marker: str) -> str:
    names = assessments.load_policy().country_names
    return html.escape(", ".join(names[c] for c in ctx.inst["countries"]["elevated_risk"]))


def _country_list(ctx: _Context, key: str, arg: str | None, marker: str) -> str:
    policy = assessments.load_policy()
    data = policy.country_lists.get(arg or "")
    if data is None:
        raise ctx.fail(marker, f"unknown country list {arg!r}",
                       f"use one of: {', '.join(sorted(policy.country_lists))}")
    return html.escape(", ".join(policy.country_names[c] for c in data.countries))


def _questionnaire(ctx: _Context, key: str, arg: str | None, marker: str) -> str:
    policy = assessments.load_policy()
    sections: dict[str, list[dict[str, Any]]] = {}
    for question in assessments.questions():
        guidance_url = _project.page_url(question["guidance"]) if question.get("guidance") else ""
        sections.setdefault(question["section"], []).append(dict(question, guidance_url=guidance_url))
    # Which questions show before any answer: decided by the engine itself, not re-coded here.
    asked = set(assessments.assess({}, screening=False)["asked"])
    # overrides/main.html gives this page Material's search after the engine (search-after-engine.js).
    ctx.page.meta["rs_engine"] = True
    return ctx.template(
        "partials/rs-questionnaire.html",
        sections=sections,
        asked=asked,
        countries=sorted(policy.country_names.items(), key=lambda kv: kv[1]),
        answer_types=assessments.ANSWER_TYPES,
        policy=policy,
        assets=ctx.url("assets/"),
        docs_url=ctx.url,
    )


def _rules_table(ctx: _Context, key: str, arg: str | None, marker: str) -> str:
    policy = assessments.load_policy()
    return ctx.template("partials/rs-rules.html", policy=policy, docs_url=lambda p: ctx.url(_project.page_url(p)))


_CFG = {
    "form": _form,
    "contact": _contact,
    "contacts-table": _contacts_table,
    "elevated-risk-countries": _countries,
    "country-list": _country_list,
}
_MD = {
    "questionnaire": _questionnaire,
    "rules-table": _rules_table,
}
