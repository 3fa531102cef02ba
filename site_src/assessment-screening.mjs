// Each name's screening beside the name, in the questionnaire's screening panels: the
// engine's outcome in plain words (match, possible match, no match) and summary, why a name was
// not screened, the matches and possible matches (never folded away: list, date, the words that
// matched, why, "check this with the office"), formerly listed entries and similar listed names,
// each list with its dates, and how old the lists are today.
import { el, link } from "./assessment-dom.mjs";
import { form } from "./assessment-form.mjs";
import { LIMITS, POLICY } from "./assessment-policy.mjs";

// The engine's words for a screened name's outcome (assessments/wording.py SCREENING_TEXT, in the
// build's policy data): match, possible match, no match, and why a name was not screened. Each
// result also carries its own one-sentence `summary`, shown beside this when it says more.
export const OUTCOME_TEXT = POLICY.wording.screening;

/** A list with its dates: when the authority published it, when the copy was retrieved, what it is current to. */
export function listDates(l) {
  return [l.published ? `published ${l.published}` : null, l.retrieved ? `retrieved ${l.retrieved}` : null,
    `current to ${l.as_of}`].filter(Boolean).join(", ");
}

const listCell = (lists) => (lists || []).map((l, i) => el("span", { class: "rs-list" }, i ? "; " : "",
  link(l.url, l.label), ` (${l.authority ? `${l.authority}; ` : ""}${listDates(l)})`,
  l.stale ? el("strong", { class: "rs-stale" }, " out-of-date list") : null));

// How a candidate relates to the typed name, in the engine's words (FOUND_AS_TEXT, by its `why`).
const HOW = POLICY.wording.found_as;

/** One listed entry as a short block: its name, how it was found, its lists with their dates. */
function entryBlock(c, kind) {
  return el("li", { class: `rs-entry rs-entry--${kind}`, "data-match": c.match ? "true" : "false",
    "data-possible": c.possible ? "true" : "false", "data-status": c.status || "listed" },
  el("p", {}, el("strong", {}, c.name), c.note ? el("small", {}, ` (${c.note})`) : null,
    c.status === "formerly_listed" ? el("em", {}, " (formerly listed)") : null),
  c.matched_alias && c.matched_alias !== c.name ? el("p", {}, "Listed as: ", c.matched_alias) : null,
  kind === "possible" ? [
    el("p", {}, "Why: ", c.possible_reason),
    c.matched_words?.length ? el("p", {}, "Words that matched: ", c.matched_words.join(", ")) : null,
    c.part ? el("p", {}, "Part of what you typed: ", el("q", {}, c.part)) : null,
  ] : kind === "match" ? el("p", {}, "Found as: ", HOW[c.why] || "a close spelling",
    c.part ? [", in the part ", el("q", {}, c.part)] : null) : null,
  kind === "near" && c.difference ? el("p", {}, c.difference[0].toUpperCase() + c.difference.slice(1)) : null,
  c.lists?.length ? el("p", { class: "rs-entry__lists" }, "On: ", listCell(c.lists))
    : (c.former || []).map((f) => el("p", {}, `${f.label}: ${f.text}`)),
  kind === "possible" ? el("p", { class: "rs-entry__check" }, el("strong", {}, "Check this with the office"),
    " before you share anything or sign an agreement.") : null);
}

function entryList(title, rows, kind) {
  return [el("p", { class: "rs-entries__title" }, el("strong", {}, title)),
    el("ul", { class: `rs-entries rs-candidates rs-entries--${kind}` }, rows.map((c) => entryBlock(c, kind)))];
}

// How old the screened lists are today (the engine's `currency`) and what to do once one is past
// the configured age: said once per panel.
function currencyLine(currency) {
  if (!currency?.length) return null;
  const stale = currency.filter((l) => l.stale);
  const days = (n) => `${n} day${n === 1 ? "" : "s"}`;
  if (stale.length) {
    return el("div", { class: "rs-currency rs-currency--stale" }, el("p", {}, el("strong", {}, "Out-of-date lists: "),
      stale.map((l, i) => [i ? "; " : "", link(l.url, l.label), ` is ${days(l.age_days)} old (current to ${l.as_of})`]),
      `. They are past the ${days(stale[0].max_age_days)} this copy allows: entries added since are missing. `
      + "Before you rely on a no-match, ask the research security office to screen the name against the current lists."));
  }
  // Lists fixed by law (no stale_from) never age: the oldest of the others says how current the screening is.
  const ageing = currency.filter((l) => l.stale_from);
  if (!ageing.length) return null;
  const oldest = ageing.reduce((a, b) => (b.age_days > a.age_days ? b : a));
  const until = ageing.map((l) => l.stale_from).sort()[0];
  return el("p", { class: "rs-currency" }, `Lists screened: ${currency.length}; the oldest copy is current to ${oldest.as_of} `
    + `(${days(oldest.age_days)} old today).`, until ? ` They count as out of date from ${until} `
    + `(after ${days(oldest.max_age_days)}); from then, ask the office to screen against the current lists.` : "");
}

// The engine keys every screening result by its question and the name's position
// in the cleaned answer, so each panel shows exactly what the engine matched.
export function renderScreening(screening) {
  for (const panel of form.querySelectorAll(".rs-screening")) {
    // A partner's panel (data-partner: its index in the answer) shows that partner's names only.
    const partner = panel.dataset.partner;
    const entries = screening.filter((s) => s.question === panel.dataset.for
      && (partner === undefined || (partner !== "" && String(s.partner) === partner)))
      .sort((a, b) => a.position - b.position);
    if (!entries.length) { panel.replaceChildren(); continue; }
    panel.replaceChildren(
      ...entries.map(screeningEntry),
      currencyLine(entries[0].currency),
      el("p", { class: "rs-screening__note" }, entries[0].disclaimer
        || "Screening is an aid: no match is not a clearance."),
    );
  }
}

/** Why a name was not screened, list by list (a null list: the whole screening). */
function notScreenedLines(s) {
  const label = (id) => POLICY.screening_lists.find((l) => l.id === id)?.label || id;
  // The whole screening's reason is in the summary sentence; per-list reasons are said here.
  return (s.not_screened || []).filter((n) => n.list || !s.summary).map((n) => el("p", { class: "rs-not-screened" },
    el("strong", {}, "Not screened: "), n.list ? `${label(n.list)}: ${n.reason}` : n.reason));
}

function screeningEntry(s) {
  const candidates = s.candidates || [];
  const hits = candidates.filter((c) => c.match);
  // Possible matches are never folded away: each with its list, date, the words that matched and why.
  const possible = candidates.filter((c) => !c.match && c.possible);
  // Formerly listed entries at or above the threshold: shown as such, never as hits.
  const former = candidates.filter((c) => !c.match && !c.possible && c.status === "formerly_listed"
    && Number(c.score) >= Number(s.threshold));
  // Similar listed names that are no match: only on request, and only from the build's floor score up.
  const near = hits.length || possible.length ? [] : candidates.filter((c) => !former.includes(c)
    && Number(c.score) >= LIMITS.closest_floor).slice(0, 3);
  const headline = OUTCOME_TEXT[s.outcome] || s.outcome;
  // The summary sentence only where it says more than the headline (a no-match says it once).
  const summary = s.summary && !["none", "formerly_listed"].includes(s.outcome) ? s.summary : null;
  return el("div", { class: `rs-screen rs-screen--${s.outcome}`, "data-outcome": s.outcome },
    el("p", {}, el("strong", {}, s.query), ": ", headline),
    summary ? el("p", { class: "rs-screen__summary" }, summary) : null,
    ...notScreenedLines(s),
    hits.length ? entryList(`Matches for ${s.query}`, hits, "match") : null,
    possible.length ? entryList(`Possible matches for ${s.query}`, possible, "possible") : null,
    former.length ? entryList(`Formerly listed (removed from the list: not matches) for ${s.query}`, former, "former") : null,
    near.length ? el("details", { class: "rs-near" }, el("summary", {}, `Similar listed names, not matches (${near.length})`),
      entryList(`Similar listed names for ${s.query} (not matches)`, near, "near")) : null);
}
