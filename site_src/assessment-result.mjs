// Rendering the engine's result: the tier, its reasons with their sources, the
// next steps, what to find out, and each name's screening beside the name.
import { $, el, guidanceLink, link } from "./assessment-dom.mjs";
import { form } from "./assessment-form.mjs";

const result = $("rs-result");
const resultBody = $("rs-result-body");

const TIER_TEXT = {
  low: "Low: no specific risk found in these answers",
  moderate: "Moderate: check with the office before you start",
  high: "High: do not proceed until the office has reviewed it",
  prohibited: "Prohibited: this must not go ahead as described",
};

function renderReasons(reasons) {
  return el("ol", { class: "rs-reasons" }, reasons.map((r) => el("li", { class: `rs-reason rs-tier--${r.tier}`, "data-rule": r.rule },
    el("p", { class: "rs-reason__title" }, el("strong", {}, r.title), " ",
      el("span", { class: `rs-badge rs-badge--${r.tier}` }, r.tier)),
    el("p", {}, r.explanation),
    el("p", {}, el("strong", {}, "What to do: "), r.what_to_do),
    r.citations.length ? el("p", { class: "rs-citations" }, "Sources: ",
      r.citations.map((c, i) => [i ? "; " : "", c.url ? link(c.url, c.name) : c.name])) : null,
    guidanceLink(r.guidance, `Guidance: ${r.title}`))));
}

function renderActions(actions) {
  return el("ul", { class: "rs-actions" }, actions.map((a) => el("li", { "data-action": a.id },
    link(a.form.url, a.title, { class: "md-button md-button--primary" }),
    el("p", {}, a.why),
    a.contact ? el("p", { class: "rs-contact" }, "Contact: ", a.contact.label,
      a.contact.email ? [" ", link(`mailto:${a.contact.email}`, a.contact.email)] : null,
      a.contact.phone ? [", ", a.contact.phone] : null) : null)));
}


// The engine keys every screening result by its question and the name's position
// in the cleaned answer, so each panel shows exactly what the engine matched.
function renderScreening(screening) {
  for (const panel of form.querySelectorAll(".rs-screening")) {
    const entries = screening.filter((s) => s.question === panel.dataset.for).sort((a, b) => a.position - b.position);
    if (!entries.length) { panel.replaceChildren(); continue; }
    panel.replaceChildren(
      ...entries.map(screeningEntry),
      el("p", { class: "rs-screening__note" }, entries[0].disclaimer
        || "Screening is an aid: no match is not a clearance."),
    );
  }
}

function screeningEntry(s) {
  const hits = (s.candidates || []).filter((c) => c.match);
  const summary = {
    prohibited: "Listed: collaboration is prohibited",
    high: "Listed on a restricted or research-security list",
    related: "A related entry is listed: check it",
    none: "No listed entry reached the match threshold",
  }[s.outcome] || s.outcome;
  const shown = (hits.length ? hits : (s.candidates || []).slice(0, 3));
  return el("div", { class: `rs-screen rs-screen--${s.outcome}`, "data-outcome": s.outcome },
    el("p", {}, el("strong", {}, s.query), ": ", summary),
    shown.length ? el("table", { class: "rs-candidates" },
      el("caption", {}, hits.length ? `Matches for ${s.query}` : `Closest entries for ${s.query} (below the threshold)`),
      el("thead", {}, el("tr", {}, ["Listed name", "Matched on", "Score", "Relation", "Lists (as of)"]
        .map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, shown.map((c) => el("tr", { "data-match": c.match ? "true" : "false" },
        el("td", {}, c.name, c.note ? el("small", {}, ` (${c.note})`) : null),
        el("td", {}, c.matched_alias || c.name),
        el("td", {}, Number(c.score).toFixed(2)),
        el("td", {}, c.relation === "related" ? "related (sub-unit or parent)" : "direct"),
        el("td", {}, (c.lists || []).map((l, i) => [i ? "; " : "", link(l.url, l.label),
          ` (${l.as_of})`, l.stale ? el("strong", { class: "rs-stale" }, " stale list") : null])))))) : null,
    (s.warnings || []).map((w) => el("p", { class: "rs-warning" }, w)));
}

export function renderResult(res) {
  result.dataset.tier = res.tier;
  const parts = [
    el("p", { class: "rs-tier-line" }, "Risk tier: ",
      el("strong", { class: `rs-tier rs-tier--${res.tier}`, "data-tier-label": res.tier }, TIER_TEXT[res.tier] || res.tier)),
  ];
  if (res.reasons.length) parts.push(el("h3", {}, "Why"), renderReasons(res.reasons));
  else parts.push(el("p", {}, "No rule is triggered by these answers. Keep the guidance in mind and ask if anything changes."));
  if (res.actions.length) parts.push(el("h3", {}, "Next steps"), renderActions(res.actions));
  if (res.todo.length) {
    parts.push(el("h3", {}, "To find out"), el("ul", { class: "rs-todo" }, res.todo.map((t) => el("li", { "data-question": t.question },
      t.text, t.guidance ? [" ", guidanceLink(t.guidance, "(guidance)")] : null))));
  }
  parts.push(el("p", { class: "rs-disclaimer" }, res.disclaimer),
    el("p", { class: "rs-policy" }, `Policy ${res.policy_version}, as of ${res.as_of}.`));
  resultBody.replaceChildren(...parts);
  renderScreening(res.screening || []);
}

export function clearErrors() {
  for (const p of form.querySelectorAll(".rs-error")) { p.hidden = true; p.textContent = ""; }
  for (const c of form.querySelectorAll("[aria-invalid]")) c.removeAttribute("aria-invalid");
}

export function renderError(error) {
  const target = error.key && $(`rs-q-${error.key}-error`);
  const message = `${error.reason}${error.fix ? ` (${error.fix})` : ""}`;
  if (target) {
    target.textContent = message;
    target.hidden = false;
    for (const control of target.parentElement.querySelectorAll("input, select, textarea")) {
      control.setAttribute("aria-invalid", "true");
    }
  }
  result.dataset.tier = "";
  resultBody.replaceChildren(el("p", { class: "rs-error", role: "alert" },
    `These answers could not be assessed: ${error.key ? `${error.key}: ` : ""}${message}`));
}

/** The page after "Clear my answers": no tier, no screening panels. */
export function renderCleared() {
  result.dataset.tier = "";
  resultBody.replaceChildren(el("p", {}, "Your answers were cleared from this page and this tab."));
  for (const panel of form.querySelectorAll(".rs-screening")) panel.replaceChildren();
}
