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
import { prefillHandoff } from "./prefill-handoff.mjs";

const result = $("rs-result");
const resultBody = $("rs-result-body");
const alertRegion = $("rs-alert");
const summaryText = $("rs-summary-text");
const answeredBar = $("rs-answered");
const printAnswers = $("rs-print-answers");

// The engine's words for what a reason rests on (assessments/wording.py, in the build's policy
// data); the tier's words come with each result (result.standing).
export const KIND_TEXT = POLICY.wording.kinds;

// A question asked of each partner sits inside every partner's block: its link leads to the partners question.
const partnersId = POLICY.questions.find((q) => q.per_partner)?.id;
const anchorOf = (qid) => (partnersId && POLICY.questions.find((q) => q.id === qid)?.of_each_partner ? partnersId : qid);
const questionLink = (qid) => el("a", { href: `#rs-q-${anchorOf(qid)}`, "data-question": qid }, questionText(qid));

// How far a source was verified is for the office's review page; the researcher reads what to do.
function citationItem(c) {
  return el("li", {}, c.url ? link(c.url, c.name) : c.name,
    el("span", { class: "rs-citation__meta" }, ` (${KIND_TEXT[c.kind] || c.kind}${c.checked ? `, checked ${c.checked}` : ""})`));
}

const ASK_FIRST = POLICY.wording.ask_first;

// Each reason: its title, whom it concerns and what to do, open; why it applies, what sponsors
// require and its sources folded under it.
function renderReasons(reasons) {
  return el("ol", { class: "rs-reasons" }, reasons.map((r) => el("li", { class: `rs-reason rs-tier--${r.tier}`, id: `rs-reason-${r.rule}`, "data-rule": r.rule },
    el("p", { class: "rs-reason__title" }, el("strong", {}, r.title), " ",
      el("span", { class: `rs-badge rs-badge--${r.tier}` }, r.tier), " ",
      r.basis ? el("span", { class: "rs-basis" }, `Basis: ${KIND_TEXT[r.basis] || r.basis}`) : null),
    // Which partners the reason concerns (the engine's reasons[].partners: index and label).
    r.partners?.length ? el("p", { class: "rs-reason__partners", "data-partners": r.partners.map((p) => p.index).join(" ") },
      el("strong", {}, r.partners.length > 1 ? "Concerns partners: " : "Concerns partner: "),
      r.partners.map((p) => p.label).join("; ")) : null,
    el("p", {}, el("strong", {}, "What to do: "), r.what_to_do),
    r.citations.some((c) => c.ask_first) ? el("p", { class: "rs-ask-first" }, ASK_FIRST) : null,
    (r.unsure || []).length ? el("div", { class: "rs-unsure" },
      el("p", {}, el("strong", {}, `Shown because you answered \u201c${answerText(r.unsure[0], "unsure")}\u201d to:`)),
      el("ul", {}, r.unsure.map((qid) => el("li", {}, questionLink(qid))))) : null,
    el("details", { class: "rs-reason__more" },
      el("summary", {}, ["Why this applies", (r.sponsor_notes || []).length ? ", what sponsors require" : "",
        r.citations.length ? `, ${r.citations.length > 1 ? `${r.citations.length} sources` : "source"}` : ""].join("")),
      el("p", {}, r.explanation),
      (r.sponsor_notes || []).length ? el("div", { class: "rs-sponsor-notes" },
        el("p", {}, el("strong", {}, "What sponsors require:")),
        el("ul", {}, r.sponsor_notes.map((n) => el("li", { "data-sponsor": n.sponsor }, el("strong", {}, `${n.name}: `), n.note)))) : null,
      r.citations.length ? el("div", { class: "rs-citations" },
        el("p", {}, el("strong", {}, r.citations.length > 1 ? "Sources:" : "Source:")),
        el("ul", {}, r.citations.map(citationItem))) : null,
      guidanceLink(r.guidance, `Guidance: ${r.title}`)))));
}

/** The draft mitigation plan: the engine's measures, each with the reasons it addresses. */
function renderPlan(res) {
  const titles = new Map(res.reasons.map((r) => [r.rule, r.title]));
  return el("section", { class: "rs-plan", "aria-labelledby": "rs-plan-heading" },
    el("h3", { id: "rs-plan-heading" }, "Draft mitigation plan"),
    el("p", {}, "Measures to discuss with the research security office: a draft, not an approval."),
    el("p", { class: "rs-plan__tools" }, el("button", { type: "button", class: "md-button", id: "rs-plan-download" },
      "Download the draft plan (Markdown)")),
    el("details", { class: "rs-fold" }, el("summary", {}, `The ${plural(res.plan.length, "measure")}`),
    // A measure is not rated itself: it says which reasons it addresses.
    el("ol", { class: "rs-plan__list" }, res.plan.map((m) => el("li", { class: "rs-measure", "data-measure": m.id },
      el("p", { class: "rs-reason__title" }, el("strong", {}, m.title)),
      el("p", {}, m.what),
      el("p", { class: "rs-measure__rules" }, "Addresses: ",
        m.rules.map((rule, i) => [i ? "; " : "", el("a", { href: `#rs-reason-${rule}` }, titles.get(rule) || rule)])),
      m.form ? el("p", { class: "rs-measure__form" }, "Form: ", link(m.form.url, m.form.title)) : null,
      guidanceLink(m.guidance, `Guidance: ${m.title}`))))));
}

/** A phone number as a link a phone can call (digits and a leading plus only). */
const telLink = (phone) => link(`tel:${phone.replace(/[^\d+]/g, "")}`, phone);

/**
 * The next steps, one button per form: actions that lead to the same form are one step (the
 * first one's title, the others said in its text), each with the office that receives it.
 */
function renderActions(actions) {
  const byForm = new Map();
  for (const a of actions) {
    if (byForm.has(a.form.url)) byForm.get(a.form.url).also.push(a); else byForm.set(a.form.url, { ...a, also: [] });
  }
  return el("div", { class: "rs-actions" }, [...byForm.values()].map((a) => el("div", { class: "rs-action", "data-action": [a, ...a.also].map((b) => b.id).join(" ") },
    link(a.form.url, a.title, { class: "md-button md-button--primary" }),
    el("p", { class: "rs-contact" }, a.contact ? [el("strong", {}, a.contact.label),
      a.contact.email ? [": ", link(`mailto:${a.contact.email}`, a.contact.email)] : null,
      a.contact.phone ? [", ", telLink(a.contact.phone)] : null, ". "] : null,
    a.why, a.also.length ? ` The same form also covers: ${a.also.map((b) => b.title).join("; ")}.` : null), prefillHandoff(a))));
}

/** A folded group: a summary with its count, the content on request. */
const fold = (title, count, ...content) => el("details", { class: "rs-fold" },
  el("summary", {}, `${title} (${count})`), ...content);

/**
 * The other reasons (below the tier's own), folded: one group per partner they concern, then one
 * per topic (the questionnaire section the engine names), each with its count.
 */
function otherReasons(others) {
  const groups = new Map();
  for (const r of others) {
    const key = r.partners?.length === 1 ? `Partner: ${r.partners[0].label}` : (r.topic || "Other");
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  return [...groups].map(([title, rs]) => fold(title, rs.length, renderReasons(rs)));
}

/**
 * In the order a researcher acts on: the next steps, the reasons that set the tier (open), the
 * other reasons grouped and folded, what to find out, the draft plan, then the screening.
 */
function resultDetails(res) {
  const parts = [];
  if (res.actions.length) {
    parts.push(el("section", { class: "rs-next", "aria-labelledby": "rs-next-heading" },
      el("h3", { id: "rs-next-heading" }, res.actions.length > 1 ? "Next steps" : "Next step"), renderActions(res.actions)));
  }
  const showTier = ["final", "provisional"].includes(res.standing?.state);
  const top = showTier ? res.reasons.filter((r) => r.tier === res.tier) : res.reasons;
  const others = res.reasons.filter((r) => !top.includes(r));
  if (top.length) {
    parts.push(el("section", { class: "rs-why", "aria-labelledby": "rs-why-heading" },
      el("h3", { id: "rs-why-heading" }, showTier ? `Why ${res.tier}: the ${top.length > 1 ? `${top.length} reasons` : "reason"} that set the tier` : "Found so far"),
      renderReasons(top)));
  }
  if (others.length) {
    parts.push(el("section", { class: "rs-other", "aria-labelledby": "rs-other-heading" },
      el("h3", { id: "rs-other-heading" }, `Other reasons (${others.length})`), ...otherReasons(others)));
  }
  const open = res.todo.filter((t) => !(res.missing || []).includes(t.question));
  if (open.length) {
    parts.push(el("section", { class: "rs-find-out" }, el("h3", {}, "To find out"),
      fold("What to find out", open.length, el("ul", { class: "rs-todo" }, open.map((t) => el("li", { "data-question": t.question },
        // A question asked of each partner: which partners are not sure (the engine's todo[].partners).
        t.partners?.length ? el("strong", {}, `${t.partners.map((p) => p.label).join("; ")}: `) : null,
        t.text, t.guidance ? [" ", guidanceLink(t.guidance, "(guidance)")] : null))))));
  }
  if ((res.plan || []).length) parts.push(renderPlan(res));
  const screening = res.screening || [];
  if (screening.length) {
    // The same stale-list warning comes with every name: shown once per result.
    const warnings = [...new Set(screening.flatMap((s) => s.warnings || []))];
    const dates = POLICY.screening_lists.map((l) => `${l.label} (${listDates(l)})${l.stale ? " (out of date)" : ""}`);
    parts.push(el("section", { class: "rs-screening-section", "aria-labelledby": "rs-screening-heading" },
      el("h3", { id: "rs-screening-heading" }, "Screening"),
      el("ul", { class: "rs-screen-summary" }, screening.map((s) => el("li", { "data-outcome": s.outcome },
        el("strong", {}, s.query), ": ", OUTCOME_TEXT[s.outcome] || s.outcome))),
      ...warnings.map((w) => el("p", { class: "rs-warning" }, linkified(w))),
      fold("Screening details and list dates", screening.length, el("ul", { class: "rs-screen-details" }, screening.map((s) => {
        const lists = [...new Set((s.candidates || []).filter((c) => c.match || c.possible).flatMap((c) => (c.lists || [])
          .map((l) => `${l.label} (current to ${l.as_of}${l.stale ? ", out of date" : ""})`)))];
        return el("li", {}, el("strong", {}, s.query), lists.length ? `. Lists: ${lists.join("; ")}` : "",
          s.summary ? [el("br"), el("span", { class: "rs-screen__summary" }, s.summary)] : null);
      })), dates.length ? el("p", { class: "rs-list-dates" }, `Screening lists as of: ${dates.join("; ")}.`) : null)));
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

/** The compact summary in view while answering, and the progress bar: the engine's standing, in its words. */
export function renderSummary(res, answers, asked) {
  const open = asked.filter((qid) => !(qid in answers));
  answeredBar.max = Math.max(asked.length, 1);
  answeredBar.value = asked.length - open.length;
  answeredBar.setAttribute("aria-valuetext", `${asked.length - open.length} of ${asked.length} questions answered`);
  const progress = `${asked.length - open.length} of ${asked.length} questions answered`;
  if (!Object.keys(answers).length) { summaryText.textContent = `No tier yet: nothing is answered. ${progress}.`; return; }
  if (!res) {
    summaryText.textContent = `No tier yet: the assessment engine is starting. ${progress}.`;
    return;
  }
  const stand = res.standing;
  const tiered = stand.state === "final" || stand.state === "provisional";
  summaryText.replaceChildren(el("strong", tiered ? { class: `rs-tier--${res.tier}` } : {}, stand.short),
    `. ${plural(res.reasons.length, "reason")}, ${progress}.`);
}

/**
 * The result, in the order a researcher acts on: the tier (or where it stands) with one sentence
 * of why, the next step, the reasons that set the tier, then the rest folded.
 */
export function renderResult(res, answers) {
  clearAlert();
  const stand = res.standing;
  const tiered = stand.state === "final" || stand.state === "provisional";
  // No tier without answers or with a required question open; a provisional tier is a floor.
  result.dataset.tier = tiered ? res.tier : "";
  result.dataset.standing = stand.state;
  const parts = [el("p", { class: `rs-tier-line${tiered ? "" : " rs-open"}`, "data-standing": stand.state },
    el("strong", tiered ? { class: `rs-tier rs-tier--${res.tier}`, "data-tier-label": res.tier } : {}, stand.text),
    stand.why ? [" ", el("span", { class: "rs-tier-why" }, stand.why)] : null)];
  const missing = res.missing || [];
  if (missing.length) {
    parts.push(el("ul", { class: "rs-missing" }, missing.map((qid) => el("li", {}, questionLink(qid)))));
  } else if (stand.unanswered.length) {
    parts.push(fold("The unanswered questions", stand.unanswered.length,
      el("ul", { class: "rs-unanswered" }, stand.unanswered.map((qid) => el("li", {}, questionLink(qid))))));
  }
  if (tiered && !res.reasons.length) {
    parts.push(el("p", {}, "No rule is triggered by these answers. Keep the guidance in mind and ask if anything changes."));
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
