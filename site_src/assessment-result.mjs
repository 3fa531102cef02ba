// Rendering the engine's result: the tier, its reasons (basis, sources with kind and
// checked date, the unsure answers that made them fire, sponsor notes), the next
// steps, the draft mitigation plan, what to find out, the screening summary (each
// name's panel beside the name: assessment-screening.mjs), and the compact summary
// that stays in view. The page says only what is known: no tier
// while the engine lists required questions as missing (result.missing) and
// none while nothing is answered.
import { $, el, guidanceLink, link } from "./assessment-dom.mjs";
import { form } from "./assessment-form.mjs";
import { POLICY, answerText, questionText } from "./assessment-policy.mjs";
import { OUTCOME_TEXT, listDates, renderScreening } from "./assessment-screening.mjs";

const result = $("rs-result");
const resultBody = $("rs-result-body");
const alertRegion = $("rs-alert");
const summaryText = $("rs-summary-text");
const answeredBar = $("rs-answered");
const printAnswers = $("rs-print-answers");

export const TIER_TEXT = {
  low: "Low: no specific risk found in these answers",
  moderate: "Moderate: check with the office before you start",
  high: "High: do not proceed until the office has reviewed it",
  prohibited: "Prohibited: this must not go ahead as described",
};

// What a citation or a reason rests on (the engine's `kind` and `basis`).
export const KIND_TEXT = { law: "Law", agency: "Agency rule", institutional: "Institutional policy" };

const questionLink = (qid) => el("a", { href: `#rs-q-${qid}`, "data-question": qid }, questionText(qid));

function citationItem(c) {
  return el("li", {}, c.url ? link(c.url, c.name) : c.name,
    el("span", { class: "rs-citation__meta" }, ` (${KIND_TEXT[c.kind] || c.kind}${c.checked ? `, checked ${c.checked}` : ""})`),
    c.note ? el("span", { class: "rs-citation__note" }, ` Not verified: ${c.note}`) : null);
}

function renderReasons(reasons) {
  return el("ol", { class: "rs-reasons" }, reasons.map((r) => el("li", { class: `rs-reason rs-tier--${r.tier}`, id: `rs-reason-${r.rule}`, "data-rule": r.rule },
    el("p", { class: "rs-reason__title" }, el("strong", {}, r.title), " ",
      el("span", { class: `rs-badge rs-badge--${r.tier}` }, r.tier), " ",
      r.basis ? el("span", { class: "rs-basis" }, `Basis: ${KIND_TEXT[r.basis] || r.basis}`) : null),
    el("p", {}, r.explanation),
    // Which partners the reason concerns (the engine's reasons[].partners: index and label).
    r.partners?.length ? el("p", { class: "rs-reason__partners", "data-partners": r.partners.map((p) => p.index).join(" ") },
      el("strong", {}, r.partners.length > 1 ? "Concerns partners: " : "Concerns partner: "),
      r.partners.map((p) => p.label).join("; ")) : null,
    el("p", {}, el("strong", {}, "What to do: "), r.what_to_do),
    (r.unsure || []).length ? el("div", { class: "rs-unsure" },
      el("p", {}, el("strong", {}, `Shown because you answered \u201c${answerText(r.unsure[0], "unsure")}\u201d to:`)),
      el("ul", {}, r.unsure.map((qid) => el("li", {}, questionLink(qid))))) : null,
    (r.sponsor_notes || []).length ? el("div", { class: "rs-sponsor-notes" },
      el("p", {}, el("strong", {}, "What sponsors require:")),
      el("ul", {}, r.sponsor_notes.map((n) => el("li", { "data-sponsor": n.sponsor }, el("strong", {}, `${n.name}: `), n.note)))) : null,
    r.citations.length ? el("div", { class: "rs-citations" },
      el("p", {}, el("strong", {}, r.citations.length > 1 ? "Sources:" : "Source:")),
      el("ul", {}, r.citations.map(citationItem))) : null,
    guidanceLink(r.guidance, `Guidance: ${r.title}`))));
}

/** The draft mitigation plan: the engine's measures, each with the reasons it addresses. */
function renderPlan(res) {
  const titles = new Map(res.reasons.map((r) => [r.rule, r.title]));
  return el("section", { class: "rs-plan", "aria-labelledby": "rs-plan-heading" },
    el("h3", { id: "rs-plan-heading" }, "Draft mitigation plan"),
    el("p", {}, "Measures to discuss with the research security office: a draft, not an approval."),
    el("ol", { class: "rs-plan__list" }, res.plan.map((m) => el("li", { class: `rs-measure rs-tier--${m.tier}`, "data-measure": m.id },
      el("p", { class: "rs-reason__title" }, el("strong", {}, m.title), " ", el("span", { class: `rs-badge rs-badge--${m.tier}` }, m.tier)),
      el("p", {}, m.what),
      el("p", { class: "rs-measure__rules" }, "Addresses: ",
        m.rules.map((rule, i) => [i ? "; " : "", el("a", { href: `#rs-reason-${rule}` }, titles.get(rule) || rule)])),
      m.form ? el("p", { class: "rs-measure__form" }, "Form: ", link(m.form.url, m.form.title)) : null,
      guidanceLink(m.guidance, `Guidance: ${m.title}`)))),
    el("p", { class: "rs-plan__tools" }, el("button", { type: "button", class: "md-button", id: "rs-plan-download" },
      "Download the draft plan (Markdown)")));
}

function renderActions(actions) {
  return el("ul", { class: "rs-actions" }, actions.map((a) => el("li", { "data-action": a.id },
    link(a.form.url, a.title, { class: "md-button md-button--primary" }),
    el("p", {}, a.why),
    a.contact ? el("p", { class: "rs-contact" }, "Contact: ", a.contact.label,
      a.contact.email ? [" ", link(`mailto:${a.contact.email}`, a.contact.email)] : null,
      a.contact.phone ? [", ", a.contact.phone] : null) : null)));
}

/** Reasons, actions, to-dos and screening, whether or not a tier can be given yet. */
function resultDetails(res) {
  const parts = [];
  if (res.reasons.length) parts.push(el("h3", {}, "Why"), renderReasons(res.reasons));
  if (res.actions.length) parts.push(el("h3", {}, "Next steps"), renderActions(res.actions));
  if ((res.plan || []).length) parts.push(renderPlan(res));
  const open = res.todo.filter((t) => !(res.missing || []).includes(t.question));
  if (open.length) {
    parts.push(el("h3", {}, "To find out"), el("ul", { class: "rs-todo" }, open.map((t) => el("li", { "data-question": t.question },
      t.text, t.guidance ? [" ", guidanceLink(t.guidance, "(guidance)")] : null))));
  }
  const screening = res.screening || [];
  if (screening.length) {
    parts.push(el("h3", {}, "Screening"), el("ul", { class: "rs-screen-summary" }, screening.map((s) => {
      const lists = [...new Set((s.candidates || []).filter((c) => c.match).flatMap((c) => (c.lists || [])
        .map((l) => `${l.label} (current to ${l.as_of}${l.stale ? ", out of date" : ""})`)))];
      return el("li", { "data-outcome": s.outcome }, el("strong", {}, s.query), ": ", OUTCOME_TEXT[s.outcome] || s.outcome,
        lists.length ? `. Lists: ${lists.join("; ")}` : "", s.summary ? el("br") : null,
        s.summary ? el("span", { class: "rs-screen__summary" }, s.summary) : null);
    })));
    // The same stale-list warning comes with every name: shown once per result.
    const warnings = [...new Set(screening.flatMap((s) => s.warnings || []))];
    parts.push(...warnings.map((w) => el("p", { class: "rs-warning" }, linkified(w))));
    const dates = POLICY.screening_lists.map((l) => `${l.label} (${listDates(l)})${l.stale ? " (out of date)" : ""}`);
    if (dates.length) parts.push(el("p", { class: "rs-list-dates" }, `Screening lists as of: ${dates.join("; ")}.`));
  }
  parts.push(el("p", { class: "rs-disclaimer" }, res.disclaimer),
    el("p", { class: "rs-policy" }, `Policy ${res.policy_version}, as of ${res.as_of}.`));
  return parts;
}

/** Text with its web addresses as links named by their site, not shown as raw URLs. */
function linkified(text) {
  return text.split(/(https?:\/\/[^\s]+?)(?=[.,;)]?(?:\s|$))/).map((part, i) => {
    if (i % 2 === 0) return part;
    try { return link(part, new URL(part).hostname); } catch { return part; }
  });
}

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The compact summary in view while answering, and the progress bar. */
export function renderSummary(res, answers, asked) {
  const open = asked.filter((qid) => !(qid in answers));
  answeredBar.max = Math.max(asked.length, 1);
  answeredBar.value = asked.length - open.length;
  answeredBar.setAttribute("aria-valuetext", `${asked.length - open.length} of ${asked.length} questions answered`);
  const progress = `${asked.length - open.length} of ${asked.length} questions answered`;
  if (!Object.keys(answers).length) { summaryText.textContent = `No answers yet. ${progress}.`; return; }
  if (!res) { summaryText.textContent = `${progress}. The result appears when the engine is ready.`; return; }
  const missing = res.missing || [];
  summaryText.replaceChildren(...(missing.length
    ? [el("strong", {}, `No tier yet: ${plural(missing.length, "required question")} left`)]
    : [el("strong", { class: `rs-tier--${res.tier}` }, `Tier: ${res.tier}`)]),
  `. ${plural(res.reasons.length, "reason")}, ${progress}.`);
}

export function renderResult(res, answers) {
  clearAlert();
  const missing = res.missing || [];
  const parts = [];
  if (missing.length) {
    // A tier for a partial form would read as an all-clear: say what is left instead.
    result.dataset.tier = "";
    parts.push(el("p", { class: "rs-tier-line rs-open" }, el("strong", {}, `No risk tier yet: ${plural(missing.length, "question")} left`)),
      el("ul", { class: "rs-missing" }, missing.map((qid) => el("li", {}, questionLink(qid)))));
    if (res.reasons.length) parts.push(el("p", {}, "Found so far, before those answers:"));
  } else {
    result.dataset.tier = res.tier;
    parts.push(el("p", { class: "rs-tier-line" }, "Risk tier: ",
      el("strong", { class: `rs-tier rs-tier--${res.tier}`, "data-tier-label": res.tier }, TIER_TEXT[res.tier] || res.tier)));
    if (!res.reasons.length) {
      parts.push(el("p", {}, "No rule is triggered by these answers. Keep the guidance in mind and ask if anything changes."));
    }
  }
  resultBody.replaceChildren(...parts, ...resultDetails(res));
  renderScreening(res.screening || []);
  renderPrintAnswers(answers, res.asked);
}

/** The answers as a compact table (shown in print instead of the form). */
export function renderPrintAnswers(answers, asked) {
  const rows = (asked || Object.keys(answers)).filter((qid) => qid in answers);
  printAnswers.replaceChildren(...(rows.length ? [el("h3", {}, "Your answers"),
    el("div", { class: "rs-table-scroll" }, el("table", { class: "rs-answers-table" },
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Question"), el("th", { scope: "col" }, "Answer"))),
      el("tbody", {}, rows.map((qid) => el("tr", {}, el("td", {}, questionText(qid)), el("td", {}, answerText(qid, answers[qid])))))))]
    : []));
}

/** No answers: no tier, no screening; the cleared message after "Clear my answers". */
export function renderEmpty(cleared) {
  result.dataset.tier = "";
  clearAlert();
  resultBody.replaceChildren(el("p", {}, cleared ? "Your answers were cleared from this page and this tab."
    : "Answer the questions above; the result appears here as you go."));
  for (const panel of form.querySelectorAll(".rs-screening")) panel.replaceChildren();
  printAnswers.replaceChildren();
}

export function clearErrors() {
  for (const p of form.querySelectorAll(".rs-error")) { p.hidden = true; p.textContent = ""; }
  for (const c of form.querySelectorAll("[aria-invalid]")) {
    c.removeAttribute("aria-invalid");
    c.removeAttribute("aria-errormessage");
  }
}

export function clearAlert() { alertRegion.textContent = ""; }

/** One alert region for the page: a message is announced once. */
export function alertMessage(message) {
  alertRegion.textContent = "";
  requestAnimationFrame(() => { alertRegion.textContent = message; });
}

export function renderError(error) {
  const target = error.key && $(`rs-q-${error.key}-error`);
  const what = error.key ? `"${questionText(error.key)}"` : "These answers";
  const message = `${what}: ${error.reason}${error.fix ? `. ${error.fix[0].toUpperCase()}${error.fix.slice(1)}.` : "."}`;
  if (target) {
    target.textContent = `${error.reason[0].toUpperCase()}${error.reason.slice(1)}${error.fix ? ` (${error.fix})` : ""}.`;
    target.hidden = false;
    for (const control of target.parentElement.querySelectorAll("input, select, textarea")) {
      control.setAttribute("aria-invalid", "true");
      control.setAttribute("aria-errormessage", target.id);
    }
  }
  result.dataset.tier = "";
  resultBody.replaceChildren(el("p", { class: "rs-error" }, "These answers could not be assessed yet. ", message,
    target ? [" ", el("a", { href: `#rs-q-${error.key}` }, "Go to the question")] : null));
  alertMessage(`These answers could not be assessed. ${message}`);
}
