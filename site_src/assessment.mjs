// The self-assessment page. It reads the questionnaire rendered at build time,
// keeps the answers in sessionStorage, asks the engine (engine.mjs) for a result
// on every change and renders it; it never decides anything itself. Everything
// user-typed reaches the DOM through text nodes only.
import { engine } from "./engine.mjs";

const STORAGE_KEY = "rs-answers-v1";
const EXPORT_FORMAT = "research-security-assessment/1";
const NAMES_DEBOUNCE_MS = 250;
const MAILTO_MAX = 1800; // mail programs truncate or refuse longer mailto: URLs

const $ = (id) => document.getElementById(id);
const root = document.querySelector(".rs-assessment");
const form = $("rs-form");
const result = $("rs-result");
const resultBody = $("rs-result-body");
const statusText = $("rs-engine-status-text");
const statusBox = $("rs-engine-status");
const progressBar = $("rs-engine-progress");
const toolsStatus = $("rs-tools-status");
const siteRoot = new URL("../", new URL(root.dataset.rsAssets, location.href));

let guidanceUrls = {};
let lastResult = null;
let lastAnswers = {};

// --- DOM helpers --------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Only http(s) and mailto links from the configuration or the policy become links.
function safeHref(url) {
  try {
    const parsed = new URL(url, siteRoot);
    return ["http:", "https:", "mailto:"].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

function link(url, text, attrs = {}) {
  const href = safeHref(url);
  return href ? el("a", { ...attrs, href }, text) : el("span", {}, text);
}

function guidanceLink(path, text) {
  const url = guidanceUrls[path];
  return url === undefined ? null : el("a", { href: new URL(url, siteRoot).href }, text);
}

function say(message) {
  toolsStatus.textContent = "";
  // A fresh text node makes screen readers announce a repeated message again.
  requestAnimationFrame(() => { toolsStatus.textContent = message; });
}

// --- answers: form <-> object <-> sessionStorage --------------------------------

// --- country lists ------------------------------------------------------------
// The page carries the 250 countries once, in a <template>; each country list is
// filled when it is first used (focus, pointer, restored answers) or, for the
// rest, one list per task once the page has started. Six filled lists in the
// page's HTML tripled its longest start-up task.

const countryOptions = $("rs-country-options");

function fillCountries(select) {
  if (!select || !select.hasAttribute("data-rs-countries") || select.hasAttribute("data-rs-filled")) return;
  select.setAttribute("data-rs-filled", "");
  select.append(countryOptions.content.cloneNode(true));
}

function fillRemainingCountryLists() {
  const pending = [...form.querySelectorAll("select[data-rs-countries]:not([data-rs-filled])")];
  const next = () => {
    fillCountries(pending.shift());
    if (pending.length) setTimeout(next, 0);
  };
  if (pending.length) setTimeout(next, 0);
}

// One reader, writer and clearer per widget kind (data-widget; the kinds are
// assessments.answer_types.WIDGETS, each rendered by overrides/partials/rs-widgets/<widget>.html).
// read(block) returns the answer or undefined when there is none.
const textLines = (text) => text.split("\n").map((s) => s.trim()).filter(Boolean);
const nonEmpty = (values) => (values.length ? values : undefined);
const checkWidget = (read) => ({
  read,
  write(block, values) { for (const input of block.querySelectorAll("input")) input.checked = values.includes(input.value); },
  clear(block) { for (const input of block.querySelectorAll("input")) input.checked = false; },
});
const selectWidget = (read) => ({
  read,
  write(block, values) {
    const select = block.querySelector("select");
    fillCountries(select);
    for (const option of select.options) option.selected = values.includes(option.value);
  },
  clear(block) {
    const select = block.querySelector("select");
    for (const option of select.options) option.selected = false;
    if (!select.multiple) select.value = "";
  },
});
const WIDGETS = {
  radio: checkWidget((block) => block.querySelector("input:checked")?.value),
  checkboxes: checkWidget((block) => nonEmpty([...block.querySelectorAll("input:checked")].map((i) => i.value))),
  country: selectWidget((block) => block.querySelector("select").value || undefined),
  countries: selectWidget((block) => nonEmpty([...block.querySelector("select").selectedOptions].map((o) => o.value))),
  names: {
    read: (block) => nonEmpty(textLines(block.querySelector("textarea").value)),
    write(block, values) { block.querySelector("textarea").value = values.join("\n"); },
    clear(block) { block.querySelector("textarea").value = ""; },
  },
  text: {
    read: (block) => block.querySelector("input").value || undefined,
    write(block, values) { block.querySelector("input").value = values.join(" "); },
    clear(block) { block.querySelector("input").value = ""; },
  },
};

function readAnswers() {
  const answers = {};
  for (const block of form.querySelectorAll(".rs-question")) {
    const value = WIDGETS[block.dataset.widget].read(block);
    if (value !== undefined) answers[block.dataset.qid] = value;
  }
  return answers;
}

function clearForm() {
  for (const block of form.querySelectorAll(".rs-question")) WIDGETS[block.dataset.widget].clear(block);
}

// Restores what fits the current questionnaire; returns the ids that did not fit.
function writeAnswers(answers) {
  const skipped = [];
  const blocks = new Map([...form.querySelectorAll(".rs-question")].map((b) => [b.dataset.qid, b]));
  for (const [qid, value] of Object.entries(answers)) {
    const block = blocks.get(qid);
    if (!block) { skipped.push(qid); continue; }
    const values = Array.isArray(value) ? value.map(String) : [String(value)];
    WIDGETS[block.dataset.widget].write(block, values);
  }
  return skipped;
}

function saveAnswers(answers) {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(answers));
  } catch {
    say("Your browser refused to keep the answers for this tab (storage full or disabled). They stay on the page.");
  }
}

function loadAnswers() {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || "{}");
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

// --- rendering the result --------------------------------------------------------

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

// The engine cleans names before screening them (Unicode NFC, no control or
// direction-override characters, single spaces); match its entries the same way.
const cleanName = (s) => s.normalize("NFC").replace(/[\p{Cc}\p{Cf}]/gu, (c) => (c === "\u200d" ? c : ""))
  .split(/\s+/).filter(Boolean).join(" ");

function renderScreening(screening) {
  const byName = new Map(screening.map((s) => [s.query, s]));
  for (const panel of form.querySelectorAll(".rs-screening")) {
    const names = lastAnswers[panel.dataset.for] || [];
    const entries = [...new Set(names.map(cleanName))].map((name) => byName.get(name)).filter(Boolean);
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

function renderResult(res) {
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

function clearErrors() {
  for (const p of form.querySelectorAll(".rs-error")) { p.hidden = true; p.textContent = ""; }
  for (const c of form.querySelectorAll("[aria-invalid]")) c.removeAttribute("aria-invalid");
}

function renderError(error) {
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

function showAsked(asked) {
  const visible = new Set(asked);
  for (const block of form.querySelectorAll(".rs-question")) block.hidden = !visible.has(block.dataset.qid);
}

// --- scoring loop -------------------------------------------------------------------

let sequence = 0;
async function update() {
  lastAnswers = readAnswers();
  saveAnswers(lastAnswers);
  if (engine.state !== "ready") return;
  const mine = ++sequence;
  const response = await engine.evaluate(lastAnswers);
  if (mine !== sequence) return; // a newer change has already been sent
  clearErrors();
  if (response.ok) {
    lastResult = response.result;
    showAsked(lastResult.asked);
    renderResult(lastResult);
  } else {
    lastResult = null;
    renderError(response.error);
  }
}

let namesTimer = null;
function onInput(event) {
  if (event.target.matches("textarea")) {
    // Names are screened as they are typed, but not on every keystroke.
    clearTimeout(namesTimer);
    namesTimer = setTimeout(update, NAMES_DEBOUNCE_MS);
    saveAnswers(readAnswers());
  } else {
    update();
  }
}

// --- export, import, print, clear -------------------------------------------------------

function plainSummary() {
  const res = lastResult;
  const lines = [`Research security self-assessment (${root.dataset.rsInstitution})`,
    `Date: ${new Date().toISOString().slice(0, 10)}`];
  if (!res) return [...lines, "No result yet."].join("\n");
  lines.push(`Policy: ${res.policy_version} (as of ${res.as_of})`, `Risk tier: ${res.tier.toUpperCase()}`, "");
  if (res.reasons.length) {
    lines.push("Why:");
    for (const r of res.reasons) lines.push(`- [${r.tier}] ${r.title}: ${r.explanation} What to do: ${r.what_to_do}`);
    lines.push("");
  }
  if (res.actions.length) {
    lines.push("Next steps:");
    for (const a of res.actions) lines.push(`- ${a.title}: ${a.form.url}`);
    lines.push("");
  }
  if (res.todo.length) {
    lines.push("To find out:");
    for (const t of res.todo) lines.push(`- ${t.text}`);
    lines.push("");
  }
  for (const s of res.screening || []) {
    const hits = (s.candidates || []).filter((c) => c.match);
    const lists = hits.flatMap((c) => (c.lists || []).map((l) => `${l.label} (as of ${l.as_of})`));
    lines.push(`Screening "${s.query}": ${s.outcome}${lists.length ? ` on ${[...new Set(lists)].join(", ")}` : ""}`);
  }
  lines.push("", "Answers:");
  for (const [qid, value] of Object.entries(lastAnswers)) {
    lines.push(`- ${qid}: ${Array.isArray(value) ? value.join("; ") : value}`);
  }
  lines.push("", res.disclaimer);
  return lines.join("\n");
}

function download() {
  const payload = {
    format: EXPORT_FORMAT,
    saved_at: new Date().toISOString(),
    policy_version: lastResult?.policy_version ?? null,
    answers: lastAnswers,
    result: lastResult,
  };
  const blob = new Blob([JSON.stringify(payload, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: `self-assessment-${new Date().toISOString().slice(0, 10)}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  say("The answers and result were saved as a JSON file on this device.");
}

async function importFile(file) {
  let data;
  try {
    if (file.size > 2_000_000) throw new Error("the file is larger than 2 MB");
    data = JSON.parse(await file.text());
  } catch (error) {
    say(`That file could not be read (${error.message}). Your current answers are unchanged.`);
    return;
  }
  const answers = data && typeof data === "object" && !Array.isArray(data) ? (data.answers ?? data) : null;
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) {
    say("That file holds no answers object. Your current answers are unchanged.");
    return;
  }
  const before = readAnswers();
  clearForm();
  const skipped = writeAnswers(answers);
  if (engine.state === "ready") {
    const check = await engine.evaluate(readAnswers());
    if (!check.ok) {
      clearForm();
      writeAnswers(before);
      say(`That file does not fit this questionnaire (${check.error.key}: ${check.error.reason}). Your current answers are unchanged.`);
      return;
    }
  }
  await update();
  say(skipped.length ? `Answers restored. Not in this version of the questionnaire, so left out: ${skipped.join(", ")}.`
    : "Answers restored from the file.");
}

async function copySummary() {
  const text = plainSummary();
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = el("textarea", { class: "rs-visually-hidden", "aria-hidden": "true" });
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  say("A plain-text summary was copied to the clipboard.");
}

function emailOffice() {
  const to = root.dataset.rsOfficeEmail;
  let body = plainSummary();
  if (body.length > MAILTO_MAX) body = `${body.slice(0, MAILTO_MAX)}\n[... shortened: attach the downloaded JSON for the full record]`;
  const subject = `Self-assessment of an international collaboration: ${lastResult ? lastResult.tier : "no result"}`;
  // Built only now, on the click: nothing leaves the device until the user sends the mail.
  const a = el("a", { href: `mailto:${encodeURIComponent(to)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}` });
  document.body.append(a);
  a.click();
  a.remove();
  say("Your mail program should open with the summary. It leaves this device only if you send it.");
}

function clearAnswers() {
  try { sessionStorage.removeItem(STORAGE_KEY); } catch { /* nothing stored */ }
  clearForm();
  lastResult = null;
  result.dataset.tier = "";
  resultBody.replaceChildren(el("p", {}, "Your answers were cleared from this page and this tab."));
  for (const panel of form.querySelectorAll(".rs-screening")) panel.replaceChildren();
  update();
  say("Your answers were cleared.");
}

// --- wiring ---------------------------------------------------------------------------

// A list is filled before its first use: a pointer press or focus comes before the list opens.
for (const type of ["pointerdown", "focusin", "keydown"]) {
  form.addEventListener(type, (event) => fillCountries(event.target.closest?.("select")), true);
}
if (document.readyState === "complete") fillRemainingCountryLists();
else window.addEventListener("load", fillRemainingCountryLists, { once: true });

const restored = writeAnswers(loadAnswers());
lastAnswers = readAnswers();
if (restored.length) saveAnswers(lastAnswers);
form.addEventListener("input", onInput);
form.addEventListener("change", (event) => { if (!event.target.matches("textarea")) update(); });
form.addEventListener("submit", (event) => event.preventDefault());
$("rs-print").addEventListener("click", () => {
  $("rs-print-date").textContent = new Date().toISOString().slice(0, 10);
  window.print();
});
$("rs-download").addEventListener("click", download);
$("rs-copy").addEventListener("click", copySummary);
$("rs-email").addEventListener("click", emailOffice);
$("rs-clear").addEventListener("click", clearAnswers);
$("rs-import").addEventListener("change", (event) => {
  const [file] = event.target.files;
  if (file) importFile(file);
  event.target.value = "";
});
if (!root.dataset.rsOfficeEmail) $("rs-email").hidden = true;

engine.onState((state, detail) => {
  statusBox.dataset.state = state;
  if (state === "loading") {
    progressBar.value = detail.percent || 0;
  } else if (state === "ready") {
    progressBar.hidden = true;
  } else if (state === "failed") {
    progressBar.hidden = true;
    // Keep the answers, show every question, and offer the static route.
    for (const block of form.querySelectorAll(".rs-question")) block.hidden = false;
    statusText.textContent = `The assessment engine could not start on this device (${detail.reason}). `
      + "Your answers are kept in this tab. Use the checklists and contacts below.";
    $("rs-fallback").hidden = false;
  }
});
engine.ready.then((info) => {
  guidanceUrls = info.guidanceUrls || {};
  statusText.textContent = `Assessment engine ready (policy ${info.policy_version}). Results update as you answer.`;
  update();
}, () => {});
