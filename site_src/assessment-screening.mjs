// Each name's screening beside the name, in the questionnaire's screening panels: the
// engine's outcome and summary, why a name was not screened, the matches, formerly listed
// entries and the closest entries below the threshold, each list with its dates.
import { el, link } from "./assessment-dom.mjs";
import { form } from "./assessment-form.mjs";
import { POLICY } from "./assessment-policy.mjs";

// Wording for the engine's screening outcomes (assessments/screening: `outcome`); each result
// also carries its own one-sentence `summary`, shown beside this.
export const OUTCOME_TEXT = {
  prohibited: "Listed: collaboration is prohibited",
  high: "Listed on a restricted or research-security list",
  stale_match: "A possible match on an out-of-date list: the office confirms",
  related: "A related entry is listed: check it",
  not_screened: "Not screened: this name was not checked against any list",
  formerly_listed: "Formerly listed, not a hit",
  none: "No listed entry reached the match threshold",
};

/** A list with its dates: when the authority published it, when the copy was retrieved, what it is current to. */
export function listDates(l) {
  return [l.published ? `published ${l.published}` : null, l.retrieved ? `retrieved ${l.retrieved}` : null,
    `current to ${l.as_of}`].filter(Boolean).join(", ");
}

const listCell = (lists) => (lists || []).map((l, i) => el("span", { class: "rs-list" }, i ? "; " : "",
  link(l.url, l.label), ` (${l.authority ? `${l.authority}; ` : ""}${listDates(l)})`,
  l.stale ? el("strong", { class: "rs-stale" }, " out-of-date list") : null));

function candidateTable(caption, rows) {
  return el("div", { class: "rs-table-scroll" }, el("table", { class: "rs-candidates" },
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, ["Listed name", "Verdict", "Matched on", "Score", "Relation", "Lists and dates"]
      .map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows.map((c) => el("tr", { "data-match": c.match ? "true" : "false", "data-status": c.status || "listed" },
      el("td", { "data-label": "Listed name" }, c.name, c.note ? el("small", {}, ` (${c.note})`) : null,
        c.status === "formerly_listed" ? el("em", {}, " (formerly listed)") : null),
      el("td", { "data-label": "Verdict" }, c.verdict || (c.match ? "match" : "no match")),
      el("td", { "data-label": "Matched on" }, c.matched_alias || c.name),
      el("td", { "data-label": "Score" }, Number(c.score).toFixed(2)),
      el("td", { "data-label": "Relation" }, c.relation === "related" ? "related (sub-unit or parent)" : "direct"),
      el("td", { "data-label": "Lists and dates" }, c.lists?.length ? listCell(c.lists)
        : (c.former || []).map((f, i) => [i ? "; " : "", `${f.label}: ${f.text}`])))))));
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
  // Formerly listed entries at or above the threshold: shown as such, never as hits.
  const former = candidates.filter((c) => !c.match && c.status === "formerly_listed" && Number(c.score) >= Number(s.threshold));
  // Entries below the threshold only on request, and only from the build's floor score up.
  const near = hits.length ? [] : candidates.filter((c) => !former.includes(c) && Number(c.score) >= POLICY.closest_floor).slice(0, 3);
  return el("div", { class: `rs-screen rs-screen--${s.outcome}`, "data-outcome": s.outcome },
    el("p", {}, el("strong", {}, s.query), ": ", OUTCOME_TEXT[s.outcome] || s.outcome),
    s.summary ? el("p", { class: "rs-screen__summary" }, s.summary) : null,
    ...notScreenedLines(s),
    hits.length ? candidateTable(`Matches for ${s.query}`, hits) : null,
    former.length ? candidateTable(`Formerly listed entries for ${s.query} (removed from the list: not hits)`, former) : null,
    near.length ? el("details", { class: "rs-near" }, el("summary", {}, `Closest entries below the threshold (${near.length})`),
      candidateTable(`Closest entries for ${s.query} (below the threshold, not matches)`, near)) : null);
}
