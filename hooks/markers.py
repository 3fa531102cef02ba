"""One pass replaces every namespaced comment marker in a page with content from data.

A marker is an HTML comment ``<!-- NAMESPACE:NAME -->`` or
``<!-- NAMESPACE:NAME ARGUMENT -->``:

- ``cfg:`` institution details from the configuration (forms, contacts, countries);
- ``md:`` data-driven blocks (the questionnaire, the rules table, the screening lists);
- ``guide:`` guide content (the readable glossary, the dated change log of
  ``docs/data/changes.toml`` with its data for site_src/changes-since.mjs, the
  shared legal facts and the page's sources from the registry
  ``assessments/policy/sources.toml``, the office's review table, and the curated
  aliases of the screening lists not yet checked against a page).

A page cites sources by id in its front matter (``sources: [id, ...]``); a fact
included with ``<!-- guide:fact ID -->`` adds the ids it rests on.
``<!-- guide:sources -->`` lists them. An unknown id, a page whose text cites a
regulation, statute, executive order or proclamation (``assessments.mentions_law``,
or front matter ``legal: true``) without sources, and sources without the
marker stop the build.

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

import datetime as _dt
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
import assessments.wording

# Sibling hooks, imported by bare name: content.py owns the glossary file, screening_lists.py the screening dataset.
import _project
import content
import screening_lists

# --- hooks -----------------------------------------------------------------

# Early, so that the page transforms of hooks/content.py (checklists, Mermaid)
# always see the page as it is served, whatever the order of hooks in mkdocs.yml.
@event_priority(50)
def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    policy = assessments.load_policy()
    context = _Context(page, config, _project.institution(config), policy, _page_sources(page, policy, html_text))
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
    _check_sources(page, context.sources, found)
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
    sources: tuple[str, ...] = ()
    """The registry ids this page cites: its front matter's, then those of the facts it includes."""

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


def _page_sources(page: Page, policy: assessments.Policy, html_text: str) -> tuple[str, ...]:
    declared = page.meta.get(SOURCES_KEY, [])
    if not isinstance(declared, list) or not all(isinstance(sid, str) for sid in declared):
        raise PluginError(f"{page.file.src_uri}: front matter key {SOURCES_KEY!r}: {declared!r} is not a list of ids "
                          f"(fix: write `{SOURCES_KEY}: [id, ...]` with ids from assessments/policy/sources.toml)")
    for sid in declared:
        if sid not in policy.sources:
            raise PluginError(f"{page.file.src_uri}: front matter key {SOURCES_KEY!r}: unknown source {sid!r} "
                              f"(fix: declare it in assessments/policy/sources.toml, or correct the id)")
    ids = list(dict.fromkeys(declared))
    for match in MARKER.finditer(html_text):
        fact = policy.facts.get((match.group("argument") or "").strip()) if match.group("name") == FACT else None
        if fact is not None:
            ids += [sid for sid in fact.sources if sid not in ids]
    return tuple(ids)


def _check_sources(page: Page, sources: tuple[str, ...], found: set[str]) -> None:
    """A page that states law cites its sources, and a page that cites sources lists them."""
    legal = page.meta.get(LEGAL_KEY, False) is True or assessments.mentions_law(page.markdown or "")
    if legal and not sources:
        raise PluginError(f"{page.file.src_uri}: the page cites a regulation, statute, executive order or "
                          f"proclamation but no source (fix: add `{SOURCES_KEY}: [id, ...]` to its front matter "
                          f"with ids from assessments/policy/sources.toml, and <!-- {PAGE_SOURCES} --> under "
                          f"its Sources heading)")
    if sources and PAGE_SOURCES not in found:
        raise PluginError(f"{page.file.src_uri}: the page cites sources but does not list them "
                          f"(fix: add <!-- {PAGE_SOURCES} --> under its Sources heading)")


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
        return html.escape(str(context.institution.identity[field]))

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
    screening lists' dates, and the limits the page applies (assessments.limits.for_the_page: it writes none)."""
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
                          "of_each_partner": bool(q.get("of_each_partner")),
                          **({"max_length": q["max_length"]} if "max_length" in q else {})})
    country_lists = {name: sorted(context.institution.elevated_risk) if name == "elevated_risk"
                     else sorted(policy.country_lists[name].countries) for name in sorted(named_lists)}
    lists = screening_lists.list_table(context.institution)
    data = {
        "questions": questions,
        "country_lists": country_lists,
        # The configuration's switches an ask_if may test ({setting = NAME}), as built.
        "settings": {name: bool(getattr(context.institution, name)) for name in assessments.CONDITION_SETTINGS},
        "screening_lists": [{"id": row["id"], "label": row["label"], "authority": row["authority"],
                             "published": row["published"], "retrieved": row["retrieved"], "as_of": row["as_of"],
                             "stale": row["stale"]} for row in lists["lists"] if not row["switched_off"]],
        # Every limit the page applies itself (file size, nesting, lengths, the score from which entries
        # below the match threshold are offered on request: closest_floor), from the one table.
        "limits": assessments.limits.for_the_page(),
        # The engine's words for tiers, what a reason rests on and when to ask first: the page repeats none.
        "wording": {"tiers": assessments.wording.TIER_TEXT, "kinds": assessments.wording.KIND_TEXT,
                    "ask_first": assessments.wording.ASK_FIRST,
                    "screening": assessments.wording.SCREENING_TEXT,
                    "found_as": assessments.wording.FOUND_AS_TEXT},
    }
    # Safe inside <script>: no "</" can close the element early.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def _rules_table(context: _Context, argument: str) -> str:
    return context.template("partials/rs-rules.html", policy=context.policy, kinds=assessments.wording.KIND_TEXT,
                            docs_url=lambda path: context.url(_project.page_url(path)))


def _screening_lists(context: _Context, argument: str) -> str:
    return context.template("partials/rs-screening-lists.html", **screening_lists.list_table(context.institution))


def _screening_settings(context: _Context, argument: str) -> str:
    return context.template("partials/rs-screening-settings.html", **screening_lists.settings(context.institution))


def _glossary(context: _Context, argument: str) -> str:
    terms = content.load_glossary(Path(context.config.docs_dir) / content.GLOSSARY)
    return context.template("partials/guide-glossary.html", terms=terms)


def _fact(context: _Context, argument: str) -> str:
    fact = context.policy.facts.get(argument)
    if fact is None:
        raise context.fail(f"{FACT} {argument}", f"unknown fact {argument!r}",
                           f"use one of: {', '.join(sorted(context.policy.facts))}")
    return context.template("partials/guide-fact.html", fact=fact).strip()


def _sources(context: _Context, argument: str) -> str:
    if not context.sources:
        raise context.fail(PAGE_SOURCES, "the page cites no source",
                           f"add `{SOURCES_KEY}: [id, ...]` to its front matter")
    return context.template("partials/guide-sources.html",
                            sources=[context.policy.sources[sid] for sid in context.sources])


def _source_review(context: _Context, argument: str) -> str:
    """Every source with where it is used, how far it was verified and when it is due (the office's page)."""
    today = _dt.date.today()
    rows = []
    for entry in assessments.sources_report(context.policy, Path(context.config.docs_dir), today):
        rows.append(dict(entry, pages=[(p, context.url(_project.page_url(p))) for p in entry["pages"]]))
    rows.sort(key=lambda r: (not r["due"], r["next_review"], r["id"]))
    return context.template("partials/guide-source-review.html", rows=rows, today=today.isoformat(),
                            due=sum(1 for r in rows if r["due"]))


def _alias_review(context: _Context, argument: str) -> str:
    """The curated aliases not yet checked against the page they name (the office's page only)."""
    return context.template("partials/guide-alias-review.html", **screening_lists.alias_review())


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
    sources = context.policy.sources
    for entry in entries:
        unknown = [sid for sid in entry.get("sources", []) if sid not in sources]
        if unknown or not entry.get("sources"):
            raise context.fail("guide:changes", f"entry {entry.get('id')!r}: unknown or missing sources {unknown}",
                               "cite ids from assessments/policy/sources.toml in sources = [...]")
    rows = [dict(e, cited=[sources[sid] for sid in e["sources"]]) for e in entries]
    return context.template("partials/guide-changes.html", entries=rows, payload=Markup(_changes_payload(entries)))


# --- data ------------------------------------------------------------------

MARKER = re.compile(r"<!--\s*(?P<name>(?:cfg|md|guide):[^\s>]*)(?:\s+(?P<argument>[^>]*?))?\s*-->")
HEADING = re.compile(r"<h([1-6])\b[^>]*>.*?</h\1>", re.S)
QUESTIONNAIRE = "md:questionnaire"
CHANGES = "data/changes.toml"  # under docs/: the dated log of rule changes (guide:changes)
CHANGES_JSON = "assets/data/changes.json"  # in the site: its data, not content-hashed (changes with the log)
ENGINE_KEY = "engine"  # front matter: this page runs the engine (overrides/main.html)
SOURCES_KEY = "sources"  # front matter: the registry ids the page cites
LEGAL_KEY = "legal"  # front matter: the page states law even if it names no regulation
FACT = "guide:fact"
PAGE_SOURCES = "guide:sources"

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
    FACT: _Marker(_fact, argument="fact id"),
    PAGE_SOURCES: _Marker(_sources),
    "guide:source-review": _Marker(_source_review),
    "guide:alias-review": _Marker(_alias_review),
}
