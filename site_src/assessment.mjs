// The self-assessment page: wiring. It asks the engine (engine.mjs) for a result
// on every change and hands it to the renderer; it never decides anything itself.
//   assessment-policy.mjs  the policy data generated at build time: labels, limits
//   assessment-asked.mjs   which questions are asked before the engine runs (a generic ask_if
//                          interpreter, checked against the engine's op `assess`)
//   assessment-form.mjs    the questionnaire's controls, storage, asked questions
//   assessment-result.mjs  the result, reasons, next steps, summary bar
//   assessment-screening.mjs  each name's screening panel beside the name
//   assessment-export.mjs  summary text, email, JSON download and restore, the draft plan file
//   assessment-dom.mjs     element, link and status helpers
import { engine } from "./engine.mjs";
import { $, root, say, setGuidanceUrls } from "./assessment-dom.mjs";
import {
  STORAGE_KEY, clearForm, fillCountries, fillRemainingCountryLists, filterCountries, form, loadAnswers,
  onPartnerButton, readAnswers, saveAnswers, showAsked, showChosenCountries, writeAnswers,
} from "./assessment-form.mjs";
import { QUESTIONS, askedFor } from "./assessment-policy.mjs";
import { clearErrors, renderEmpty, renderError, renderPrintAnswers, renderResult, renderSummary } from "./assessment-result.mjs";
import { createExports } from "./assessment-export.mjs";
import { initSavedPlans } from "./saved-plans-ui.mjs";

const NAMES_DEBOUNCE_MS = 250;
const statusText = $("rs-engine-status-text");
const statusBox = $("rs-engine-status");
const progressBar = $("rs-engine-progress");
// legacy: answers this tab kept in keys the questionnaire no longer has (partner_country and
// partner_names before issue 13); kept in storage until the engine reads them into the current
// questions (check_import, assessments/_legacy.py): the page does not migrate anything itself.
const state = { lastResult: null, lastAnswers: {}, cleared: false, legacy: null };
const withLegacy = (answers) => (state.legacy ? { ...state.legacy, ...answers } : answers);

// --- scoring loop -------------------------------------------------------------------

let sequence = 0;
async function update() {
  state.lastAnswers = readAnswers();
  saveAnswers(withLegacy(state.lastAnswers));
  const empty = !Object.keys(state.lastAnswers).length;
  // The policy's own ask_if data decides at once which questions show (before the engine runs, and
  // while it works on a reply); the engine's `asked`, which agrees, follows with its result.
  const asked = askedFor(state.lastAnswers);
  if (engine.state !== "failed") showAsked(asked);
  if (engine.state !== "ready") {
    renderSummary(null, state.lastAnswers, asked);
    renderPrintAnswers(state.lastAnswers, asked);
    return;
  }
  const mine = ++sequence;
  const response = await engine.assess(state.lastAnswers);
  if (mine !== sequence) return; // a newer change has already been sent
  clearErrors();
  if (response.ok) {
    state.lastResult = response.result;
    showAsked(state.lastResult.asked);
    renderSummary(empty ? null : state.lastResult, state.lastAnswers, state.lastResult.asked);
    // Nothing answered: nothing to assess (an empty form is not "low").
    if (empty) { state.lastResult = null; renderEmpty(state.cleared); } else renderResult(state.lastResult, state.lastAnswers);
  } else {
    state.lastResult = null;
    renderError(response.error);
  }
}

let namesTimer = null;
function onInput(event) {
  if (event.target.matches("[data-rs-filter]")) { filterCountries(event.target); return; }
  state.cleared = false;
  if (event.target.matches("textarea")) {
    // Names are screened as they are typed, but not on every keystroke.
    clearTimeout(namesTimer);
    namesTimer = setTimeout(update, NAMES_DEBOUNCE_MS);
    saveAnswers(withLegacy(readAnswers()));
  } else {
    update();
  }
}

function onChange(event) {
  if (event.target.matches("textarea, [data-rs-filter]")) return;
  const block = event.target.closest(".rs-countries");
  if (block) showChosenCountries(block);
}

function clearAnswers() {
  state.legacy = null;
  try { sessionStorage.removeItem(STORAGE_KEY); } catch { /* nothing stored */ }
  clearForm();
  state.lastResult = null;
  state.cleared = true;
  renderEmpty(true);
  update();
  say("Your answers were cleared.");
}

// --- arriving from a link: ?activity=VALUE, and #name=... (a fragment: never sent to the server) ---
// Local only, nothing is sent; unknown values are ignored; answers already stored win.
const PRESETS = {
  informal: { answers: { activities: ["collaboration"], collaboration_type: "informal" } },
  agreement: { answers: { activities: ["collaboration"], collaboration_type: "formal" } },
  visitor: { answers: { activities: ["visitor"] } },
  travel: { answers: { activities: ["travel"] } },
  shipping: { answers: { activities: ["collaboration"] }, focus: "exchange" },
  paid: { answers: { activities: ["money"] } },
  names: { answers: { activities: ["collaboration"] }, focus: "partners" },
};

// The activity comes in the query (?activity=...); a name only ever in the fragment
// (#name=...), which the browser does not send to the server.
function applyPreset(params, name) {
  const preset = Object.hasOwn(PRESETS, params.get("activity") || "") ? PRESETS[params.get("activity")] : null;
  if (!preset && !name) return null;
  const answers = { ...(preset?.answers || {}) };
  if (name) answers.partners = [{ names: [name] }];
  if (name && !answers.activities) answers.activities = ["collaboration"];
  writeAnswers(answers);
  return preset?.focus || (name ? "partners" : null);
}

// The name in the fragment, taken out of the address bar and the history entry at once (the
// entry is replaced, not added to): after this the name lives only in the form and this tab's storage.
function takeFragmentName() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (!fragment.has("name")) return "";
  history.replaceState(history.state, "", location.pathname + location.search);
  // At most as long as a partner's name may be (the engine refuses longer ones).
  return (fragment.get("name") || "").replace(/\s+/g, " ").trim().slice(0, QUESTIONS.get("partners").max_length);
}

// A name to check while answers are already here (a second name from the header search): a partner
// of its own, unless a partner already has it; the names are screened once collaboration is chosen.
function addPartnerName(name) {
  const answers = readAnswers();
  const partners = answers.partners || [];
  const max = Number($("rs-q-partners")?.querySelector("[data-max]")?.dataset.max || Infinity);
  if (!partners.some((p) => (p.names || []).includes(name))) {
    if (partners.length >= max) {
      say(`'${name}' was not added: the assessment takes at most ${max} partners. Remove one, then check the name again.`);
      return "partners";
    }
    answers.partners = [...partners, { names: [name] }];
  }
  if (!(answers.activities || []).includes("collaboration")) answers.activities = [...(answers.activities || []), "collaboration"];
  writeAnswers(answers);
  return "partners";
}

function focusPartnerName(name) {
  const boxes = [...document.querySelectorAll("#rs-q-partners textarea")];
  const box = boxes.find((b) => b.value.split("\n").includes(name)) || boxes[0];
  box?.scrollIntoView({ block: "center" });
  box?.focus({ preventScroll: true });
}

// --- wiring ---------------------------------------------------------------------------

const { copySummary, download, downloadPlan, emailOffice, importFile } = createExports(state, update);
// A list is filled before its first use: a pointer press or focus comes before the list opens.
for (const type of ["pointerdown", "focusin", "keydown"]) {
  form.addEventListener(type, (event) => {
    // A partner row has its own country list; elsewhere a question has one.
    fillCountries(event.target.closest?.("[data-rs-partner], .rs-question")?.querySelector("[data-rs-countries]"));
  }, true);
}
// The other lists are filled a few at a time once the engine has started (or failed): filling them
// meanwhile took the main thread from the engine's start on a two-core machine.
engine.ready.then(fillRemainingCountryLists, fillRemainingCountryLists);

// Answers given before this module ran (a slow start on a busy device) are kept: the stored ones
// are written into an untouched form only, never over what the person has just chosen.
const early = Object.keys(readAnswers()).length > 0;
const stored = early ? {} : loadAnswers();
const restored = early ? [] : writeAnswers(stored);
if (restored.length) state.legacy = Object.fromEntries(restored.map((key) => [key, stored[key]]));
let focusId = null;
const fragmentName = takeFragmentName();
if (!early && !Object.keys(stored).length) focusId = applyPreset(new URLSearchParams(location.search), fragmentName);
else if (fragmentName) focusId = addPartnerName(fragmentName);
// Only the fragment changed (a link to this page with another #name=...): no new page load.
window.addEventListener("hashchange", () => {
  const name = takeFragmentName();
  if (!name) return;
  addPartnerName(name);
  state.cleared = false;
  update();
  focusPartnerName(name);
});
state.lastAnswers = readAnswers();
if (restored.length || focusId !== null || Object.keys(state.lastAnswers).length) saveAnswers(withLegacy(state.lastAnswers));
showAsked(askedFor(state.lastAnswers));
renderSummary(null, state.lastAnswers, askedFor(state.lastAnswers));
renderPrintAnswers(state.lastAnswers, askedFor(state.lastAnswers));
if (fragmentName) {
  focusPartnerName(fragmentName);
} else if (focusId) {
  const target = $(`rs-q-${focusId}`);
  target?.scrollIntoView({ block: "center" });
  target?.querySelector("input, select, textarea")?.focus({ preventScroll: true });
}
form.addEventListener("input", onInput);
form.addEventListener("change", (event) => {
  onChange(event);
  if (!event.target.matches("textarea, [data-rs-filter]")) { state.cleared = false; update(); }
});
form.addEventListener("submit", (event) => event.preventDefault());
form.addEventListener("click", (event) => {
  if (onPartnerButton(event.target)) { state.cleared = false; update(); }
});
// The print date is there however printing starts (the button or the browser's menu).
const printDate = () => { $("rs-print-date").textContent = new Date().toISOString().slice(0, 10); };
printDate();
window.addEventListener("beforeprint", printDate);
$("rs-print").addEventListener("click", () => { printDate(); window.print(); });
// "Full details": every folded part of the result opens for the printout, and closes again after it.
$("rs-print-full").addEventListener("click", () => {
  const folded = [...$("rs-result-body").querySelectorAll("details:not([open])")];
  for (const d of folded) d.open = true;
  window.addEventListener("afterprint", () => { for (const d of folded) d.open = false; }, { once: true });
  printDate();
  window.print();
});
$("rs-download").addEventListener("click", download);
// The plan's button is drawn with each result: one listener on the result.
$("rs-result-body").addEventListener("click", (event) => { if (event.target.closest("#rs-plan-download")) downloadPlan(); });
$("rs-copy").addEventListener("click", copySummary);
$("rs-email").addEventListener("click", emailOffice);
$("rs-clear").addEventListener("click", clearAnswers);
$("rs-import").addEventListener("change", (event) => {
  const [file] = event.target.files;
  if (file) importFile(file);
  event.target.value = "";
});
if (!root.dataset.rsOfficeEmail) $("rs-email").hidden = true;
initSavedPlans(update);

engine.onState((state, detail) => {
  statusBox.dataset.state = state;
  if (state === "loading") {
    progressBar.value = detail.percent || 0;
  } else if (state === "ready") {
    progressBar.hidden = true;
  } else if (state === "failed") {
    progressBar.hidden = true;
    // Keep the answers, show every question, and offer the static route.
    for (const block of form.querySelectorAll(".rs-question, .rs-section")) block.hidden = false;
    statusText.textContent = `The assessment engine could not start on this device (${detail.reason}). `
      + "Your answers are kept in this tab. Use the checklists and contacts below.";
    $("rs-fallback").hidden = false;
  }
});
engine.ready.then(async (info) => {
  setGuidanceUrls(info.guidanceUrls);
  const readyText = `Assessment engine ready (policy ${info.policy_version}). Results update as you answer.`;
  statusText.textContent = readyText;
  if (state.legacy) {
    // Kept answers in old keys: the engine reads them into the current questions.
    const check = await engine.checkImport({ ...state.legacy, ...readAnswers() });
    state.legacy = null;
    if (check.ok) writeAnswers(check.result.answers);
  }
  update();
}, () => {});
