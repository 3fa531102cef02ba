// The self-assessment page: wiring. It asks the engine (engine.mjs) for a result
// on every change and hands it to the renderer; it never decides anything itself.
//   assessment-form.mjs    the questionnaire's controls, storage, asked questions
//   assessment-result.mjs  the result, reasons, next steps, screening panels
//   assessment-export.mjs  summary text, JSON download and restore, email
//   assessment-dom.mjs     element, link and status helpers
import { engine } from "./engine.mjs";
import { $, root, say, setGuidanceUrls } from "./assessment-dom.mjs";
import {
  STORAGE_KEY, clearForm, fillCountries, fillRemainingCountryLists, form, loadAnswers, readAnswers, saveAnswers,
  showAsked, writeAnswers,
} from "./assessment-form.mjs";
import { clearErrors, renderCleared, renderError, renderResult } from "./assessment-result.mjs";
import { createExports } from "./assessment-export.mjs";

const NAMES_DEBOUNCE_MS = 250;
const statusText = $("rs-engine-status-text");
const statusBox = $("rs-engine-status");
const progressBar = $("rs-engine-progress");
const state = { lastResult: null, lastAnswers: {} };

// --- scoring loop -------------------------------------------------------------------

let sequence = 0;
async function update() {
  state.lastAnswers = readAnswers();
  saveAnswers(state.lastAnswers);
  if (engine.state !== "ready") return;
  const mine = ++sequence;
  const response = await engine.evaluate(state.lastAnswers);
  if (mine !== sequence) return; // a newer change has already been sent
  clearErrors();
  if (response.ok) {
    state.lastResult = response.result;
    showAsked(state.lastResult.asked);
    renderResult(state.lastResult);
  } else {
    state.lastResult = null;
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

function clearAnswers() {
  try { sessionStorage.removeItem(STORAGE_KEY); } catch { /* nothing stored */ }
  clearForm();
  state.lastResult = null;
  renderCleared();
  update();
  say("Your answers were cleared.");
}

// --- wiring ---------------------------------------------------------------------------

const { copySummary, download, emailOffice, importFile } = createExports(state, update);
// A list is filled before its first use: a pointer press or focus comes before the list opens.
for (const type of ["pointerdown", "focusin", "keydown"]) {
  form.addEventListener(type, (event) => fillCountries(event.target.closest?.("select")), true);
}
if (document.readyState === "complete") fillRemainingCountryLists();
else window.addEventListener("load", fillRemainingCountryLists, { once: true });

const restored = writeAnswers(loadAnswers());
state.lastAnswers = readAnswers();
if (restored.length) saveAnswers(state.lastAnswers);
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
  setGuidanceUrls(info.guidanceUrls);
  statusText.textContent = `Assessment engine ready (policy ${info.policy_version}). Results update as you answer.`;
  update();
}, () => {});
