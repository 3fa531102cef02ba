"""One pass replaces every namespaced comment marker in a page with content from data.

A marker is an HTML comment ``<!-- NAMESPACE:NAME -->`` or
``<!-- NAMESPACE:NAME ARGUMENT -->``:

- ``cfg:`` institution details from the configuration (forms, contacts, countries);
- ``md:`` data-driven blocks (the questionnaire, the rules table, the screening lists);
- ``guide:`` guide content (the readable glossary, the dated change log of
  ``docs/data/changes.toml`` with its data for site_src/changes-since.mjs).

The change log's data also goes into the site as a file of its own
(``CHANGES_JSON``, written by ``on_files``): the same bytes as the log page's
data block, so that other pages read a small JSON file, not the whole log page.

``MARKERS`` (at the end of this file) is the one registry: marker name to
renderer. A renderer returns HTML, rendered through a Jinja template in
``overrides/partials/`` for anything longer than a link. The pass runs once, on
the page HTML (after Markdown), so markers work inline in paragraphs, lists and
tables. An unknown marker, a marker in a heading, a missing or unexpected
argument, and the questionnaire on a page whose front matter lacks
``engine: true`` (or ``engine: true`` without the questionnaire) stop the
build, naming the page and the marker.
"""

from __future__ import annotations

import html
import json
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import assessments
import assessments.limits

# Sibling hooks, imported by bare name: content.py owns the glossary file, screening.py the screening dataset.
import _project
import content
import screening

# --- hooks -----------------------------------------------------------------

# Early, so that the page transforms of hooks/content.py (checklists, Mermaid)
# always see the page as it is served, whatever the order of hooks in mkdocs.yml.
@event_priority(50)
def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    context = _Context(page, config, _project.institution(config), assessments.load_policy())
    headings = [match.span() for match in HEADING.finditer(html_text)]
    found: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        name, argument = match.group("name"), match.group("argument") or ""
        marker = f"{name} {argument}".strip()
        if any(start <= match.start() < end for start, end in headings):
            raise context.fail(marker, "a marker in a heading is not supported",
                               "move it into the text below the heading")
        found.add(name)
        return _render(context, name, argument, marker)

    html_text = MARKER.sub(replace, html_text)
    _check_engine_page(page, found)
    return html_text


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The change log's data for site_src/changes-since.mjs on pages other than the log.

    Added as a file of the build, so it is in the site before hooks/assets.py
    lists the site's files in sw.js (on_post_build): the offline copy has it.
    """
    docs_dir = Path(config.docs_dir)
    try:
        payload = _changes_payload(_read_changes(docs_dir))
    except (OSError, tomllib.TOMLDecodeError, KeyError) as error:
        raise PluginError(f"docs/{CHANGES}: cannot read the change log for {CHANGES_JSON}: {error} "
                          f"(fix: keep one [[change]] table per entry in docs/{CHANGES})") from error
    # Included explicitly: exclude_docs in mkdocs.yml leaves out every folder named data/.
    files.append(File.generated(config, CHANGES_JSON, content=payload, inclusion=InclusionLevel.INCLUDED))
    return files


# --- helpers ---------------------------------------------------------------

@dataclass(frozen=True)
class _Context:
    """What a renderer may use: the page, the build's configuration, the institution and the policy."""

    page: Page
    config: MkDocsConfig
    institution: assessments.Config
    policy: assessments.Policy

    def fail(self, marker: str, reason: str, fix: str) -> PluginError:
        return PluginError(f"{self.page.file.src_uri}: marker <!-- {marker} -->: {reason} (fix: {fix})")

    def url(self, path: str) -> str:
        """A site-relative path as seen from this page (works under any sub-path)."""
        return get_relative_url(path, self.page.url)

    def template(self, name: str, **values: Any) -> str:
        env = self.config.theme.get_env()
        env.filters["glossary"] = _glossary_filter(Path(self.config.docs_dir))
        return env.get_template(name).render(page=self.page, config=self.config, **values)


@dataclass(frozen=True)
class _Marker:
    render: Callable[[_Context, str], str]
    argument: str = ""  # what the argument names ("form id"); empty when the marker takes none


def _render(context: _Context, name: str, argument: str, marker: str) -> str:
    entry = MARKERS.get(name)
    if entry is None:
        namespace = name.partition(":")[0]
        known = [known for known in sorted(MARKERS) if known.startswith(namespace + ":")]
        raise context.fail(marker, "unknown marker", f"use one of: {', '.join(known)}")
    if entry.argument and not argument:
        raise context.fail(marker, f"needs a {entry.argument}", f"write <!-- {name} {entry.argument.upper()} -->")
    if argument and not entry.argument:
        raise context.fail(marker, "takes no argument", f"write <!-- {name} -->")
    return entry.render(context, argument)


def _check_engine_page(page: Page, found: set[str]) -> None:
    """The questionnaire and ``engine: true`` come together (overrides/main.html reads the front matter)."""
    engine = page.meta.get(ENGINE_KEY, False)
    if not isinstance(engine, bool):
        raise PluginError(f"{page.file.src_uri}: front matter key {ENGINE_KEY!r}: {engine!r} is not true or false "
                          f"(fix: write `{ENGINE_KEY}: true` on the page with <!-- {QUESTIONNAIRE} -->, or remove it)")
    if QUESTIONNAIRE in found and not engine:
        raise PluginError(f"{page.file.src_uri}: marker <!-- {QUESTIONNAIRE} -->: the page does not declare the "
                          f"engine (fix: add `{ENGINE_KEY}: true` to its front matter)")
    if engine and QUESTIONNAIRE not in found:
        raise PluginError(f"{page.file.src_uri}: front matter key {ENGINE_KEY!r}: the page has no "
                          f"<!-- {QUESTIONNAIRE} --> (fix: add the marker, or remove `{ENGINE_KEY}: true`)")


def _glossary_filter(docs_dir: Path) -> Callable[[Any], Markup]:
    """A Jinja filter: the text escaped, with glossary terms marked as the abbr extension marks them in Markdown."""
    loaded: list[tuple[dict[str, str], re.Pattern[str]]] = []  # read on first use: most templates never use it

    def glossary(value: Any) -> Markup:
        if not loaded:
            terms = {t["term"]: t["definition"] for t in content.load_glossary(docs_dir / content.GLOSSARY)}
            longest_first = sorted(terms, key=len, reverse=True)
            loaded.append((terms, re.compile(r"\b(?:" + "|".join(map(re.escape, longest_first)) + r")\b")))
        terms, pattern = loaded[0]
        text, out, position = str(value), [], 0
        for match in pattern.finditer(text):
            title = html.escape(terms[match.group(0)], quote=False).replace('"', "&quot;")
            out += [html.escape(text[position:match.start()], quote=False),
                    f'<abbr title="{title}">{html.escape(match.group(0), quote=False)}</abbr>']
            position = match.end()
        out.append(html.escape(text[position:], quote=False))
        return Markup("".join(out))

    return glossary


def _institution_field(field: str) -> Callable[[_Context, str], str]:
    def render(context: _Context, argument: str) -> str:
        return html.escape(str(context.institution.institution[field]))

    return render


def _form(context: _Context, argument: str) -> str:
    form = context.institution.forms.get(argument)
    if form is None:
        raise context.fail(f"cfg:form {argument}", f"unknown form {argument!r}",
                           f"use one of: {', '.join(sorted(context.institution.forms))}")
    return f'<a href="{html.escape(form.url)}" class="rs-form-link">{html.escape(form.title)}</a>'


def _contact(context: _Context, argument: str) -> str:
    contact = context.institution.contacts.get(argument)
    if contact is None:
        raise context.fail(f"cfg:contact {argument}", f"unknown contact {argument!r}",
                           f"use one of: {', '.join(sorted(context.institution.contacts))}")
    return context.template("partials/rs-contact-inline.html", contact=contact).strip()


def _contacts_table(context: _Context, argument: str) -> str:
    return context.template("partials/rs-contacts.html", inst=context.institution,
                            purposes=context.policy.form_purposes)


def _elevated_risk_countries(context: _Context, argument: str) -> str:
    names = context.policy.country_names
    return html.escape(", ".join(names[code] for code in context.institution.elevated_risk))


def _country_list(context: _Context, argument: str) -> str:
    data = context.policy.country_lists.get(argument)
    if data is None:
        raise context.fail(f"cfg:country-list {argument}", f"unknown country list {argument!r}",
                           f"use one of: {', '.join(sorted(context.policy.country_lists))}")
    return html.escape(", ".join(context.policy.country_names[code] for code in data.countries))


def _questionnaire(context: _Context, argument: str) -> str:
    policy = context.policy
    sections: dict[str, list[dict[str, Any]]] = {}
    for question in assessments.questions():
        guidance_url = _project.page_url(question["guidance"]) if question.get("guidance") else ""
        sections.setdefault(question["section"], []).append(dict(question, guidance_url=guidance_url))
    # Which questions show before any answer: decided by the engine itself, with this
    # institution's configuration (its country lists), not re-coded here.
    asked = set(assessments.assess({}, config=context.institution, screening=False)["asked"])
    return context.template(
        "partials/rs-questionnaire.html",
        sections=sections,
        asked=asked,
        page_data=_questionnaire_data(context),
        countries=sorted(policy.country_names.items(), key=lambda kv: kv[1]),
        answer_types=assessments.ANSWER_TYPES,
        limits=assessments.limits,
        policy=policy,
        assets=context.url("assets/"),
        docs_url=context.url,
    )


def _questionnaire_data(context: _Context) -> str:
    """What the page needs before the engine has started, as JSON for a <script type="application/json">:
    each question's text, answer labels, length limit and ask_if condition (the policy's own data, read
    by the generic condition interpreter in site_src/assessment-asked.mjs, which
    tests/site/test_page_interpreter.py checks against the engine's op `assess` on random answer sets),
    the country lists the conditions name (elevated_risk from this institution's configuration), the
    screening lists' dates, and every limit of assessments.limits (the page writes none of its own)."""
    policy = context.policy
    questions = []
    named_lists: set[str] = set()

    for q in assessments.questions():
        answer_type = assessments.ANSWER_TYPES[q["type"]]
        options = answer_type.options if answer_type.options is not None else ()
        labels = [o.to_json() for o in options] or q.get("options", [])
        named_lists.update(leaf["in_country_list"] for leaf in assessments.condition_leaves(q.get("ask_if"))
                           if "in_country_list" in leaf)
        questions.append({"id": q["id"], "section": q["section"], "text": q["text"], "type": q["type"],
                          "required": bool(q.get("required")), "ask_if": q.get("ask_if"), "options": labels,
                          "countries": answer_type.countries, "per_partner": answer_type.per_partner,
                          **({"max_length": q["max_length"]} if "max_length" in q else {})})
    country_lists = {name: sorted(context.institution.elevated_risk) if name == "elevated_risk"
                     else sorted(policy.country_lists[name].countries) for name in sorted(named_lists)}
    lists = screening.list_table(context.institution)
    data = {
        "questions": questions,
        "country_lists": country_lists,
        "screening_lists": [{"id": row["id"], "label": row["label"], "authority": row["authority"],
                             "published": row["published"], "retrieved": row["retrieved"], "as_of": row["as_of"],
                             "stale": row["stale"]} for row in lists["lists"] if not row["switched_off"]],
        # Entries below the match threshold are shown only on request, and only from this score up:
        # below it a "closest" entry is noise (an unrelated company for an ordinary university).
        "closest_floor": 0.75,
        "limits": _page_limits(),
    }
    # Safe inside <script>: no "</" can close the element early.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def _page_limits() -> dict[str, Any]:
    """Every constant of assessments.limits by its name, for the page (import size, lengths, counts)."""
    return {name: value for name, value in vars(assessments.limits).items()
            if name.isupper() and isinstance(value, int | float | tuple)}


def _rules_table(context: _Context, argument: str) -> str:
    return context.template("partials/rs-rules.html", policy=context.policy,
                            docs_url=lambda path: context.url(_project.page_url(path)))


def _screening_lists(context: _Context, argument: str) -> str:
    return context.template("partials/rs-screening-lists.html", **screening.list_table(context.institution))


def _screening_settings(context: _Context, argument: str) -> str:
    return context.template("partials/rs-screening-settings.html", **screening.settings(context.institution))


def _glossary(context: _Context, argument: str) -> str:
    terms = content.load_glossary(Path(context.config.docs_dir) / content.GLOSSARY)
    return context.template("partials/guide-glossary.html", terms=terms)


def _read_changes(docs_dir: Path) -> list[dict[str, Any]]:
    """The entries of docs/data/changes.toml; raises OSError, TOMLDecodeError or KeyError."""
    return tomllib.loads((docs_dir / CHANGES).read_text(encoding="utf-8"))["change"]


def _changes_payload(entries: list[dict[str, Any]]) -> str:
    """The change log's data for site_src/changes-since.mjs: the log page's data block and CHANGES_JSON."""
    data = [{"id": e["id"], "date": str(e["date"]), "title": e["title"],
             "pages": [_project.page_url(p) for p in e["pages"]]} for e in entries]
    # Also placed inside <script>: "<" escaped, so no text can close the element (still valid JSON).
    return json.dumps({"changes": data}, ensure_ascii=False).replace("<", "\\u003c")


def _changes(context: _Context, argument: str) -> str:
    """The change log (docs/data/changes.toml) as a table, and as JSON for site_src/changes-since.mjs."""
    try:
        entries = _read_changes(Path(context.config.docs_dir))
    except (OSError, tomllib.TOMLDecodeError, KeyError) as error:
        raise context.fail("guide:changes", f"cannot read {CHANGES}: {error}",
                           f"keep one [[change]] table per entry in docs/{CHANGES}") from error
    return context.template("partials/guide-changes.html", entries=entries, payload=Markup(_changes_payload(entries)))


# --- data ------------------------------------------------------------------

MARKER = re.compile(r"<!--\s*(?P<name>(?:cfg|md|guide):[^\s>]*)(?:\s+(?P<argument>[^>]*?))?\s*-->")
HEADING = re.compile(r"<h([1-6])\b[^>]*>.*?</h\1>", re.S)
QUESTIONNAIRE = "md:questionnaire"
CHANGES = "data/changes.toml"  # under docs/: the dated log of rule changes (guide:changes)
CHANGES_JSON = "assets/data/changes.json"  # in the site: its data, not content-hashed (changes with the log)
ENGINE_KEY = "engine"  # front matter: this page runs the engine (overrides/main.html)

MARKERS: dict[str, _Marker] = {
    **{f"cfg:institution.{field}": _Marker(_institution_field(field))
       for field in ("name", "short_name", "office", "website", "policy_last_reviewed")},
    "cfg:form": _Marker(_form, argument="form id"),
    "cfg:contact": _Marker(_contact, argument="contact id"),
    "cfg:contacts-table": _Marker(_contacts_table),
    "cfg:elevated-risk-countries": _Marker(_elevated_risk_countries),
    "cfg:country-list": _Marker(_country_list, argument="country list id"),
    "md:questionnaire": _Marker(_questionnaire),
    "md:rules-table": _Marker(_rules_table),
    "md:screening-lists": _Marker(_screening_lists),
    "md:screening-settings": _Marker(_screening_settings),
    "guide:glossary": _Marker(_glossary),
    "guide:changes": _Marker(_changes),
}
