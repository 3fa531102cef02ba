// The questionnaire's form: read, write and clear answers through one reader,
// writer and clearer per widget kind, keep them in sessionStorage, show the
// questions the engine says are asked. No rule is decided here.
import { $, el, say } from "./assessment-dom.mjs";

export const STORAGE_KEY = "rs-answers-v1";
export const form = $("rs-form");

// --- country lists ------------------------------------------------------------
// The page carries the 250 countries once, in a <template>; each country list is
// filled when it is first used (focus, pointer, restored answers) or, for the
// rest, one list per task once the page has started. Six filled lists in the
// page's HTML tripled its longest start-up task. A single country is a native
// <select>; several countries are a filterable list of checkboxes (touch and
// keyboard, no Ctrl-click).

const countryOptions = $("rs-country-options");

export function fillCountries(list) {
  if (!list || !list.hasAttribute("data-rs-countries") || list.hasAttribute("data-rs-filled")) return;
  list.setAttribute("data-rs-filled", "");
  if (list.matches("select")) { list.append(countryOptions.content.cloneNode(true)); return; }
  const name = list.dataset.name;
  list.append(...[...countryOptions.content.querySelectorAll("option")].map((o) => el("label", { class: "rs-option" },
    el("input", { type: "checkbox", name, value: o.value }), " ", el("span", {}, o.textContent))));
}

export function fillRemainingCountryLists() {
  const pending = [...form.querySelectorAll("[data-rs-countries]:not([data-rs-filled])")];
  const next = () => {
    fillCountries(pending.shift());
    if (pending.length) setTimeout(next, 0);
  };
  if (pending.length) setTimeout(next, 0);
}

const fold = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** Narrow a country checklist to the names containing the filter text (ticked countries always stay). */
export function filterCountries(input) {
  const block = input.closest(".rs-question");
  const list = block.querySelector("[data-rs-countries]");
  fillCountries(list);
  const wanted = fold(input.value.trim());
  let shown = 0;
  for (const label of list.children) {
    const show = !wanted || label.firstChild.checked || fold(label.textContent).includes(wanted);
    label.hidden = !show;
    shown += show;
  }
  block.querySelector(".rs-countries__count").textContent = wanted ? `${shown} shown` : "";
}

/** The "Chosen:" line under a country checklist, in words. */
export function showChosenCountries(block) {
  const line = block.querySelector(".rs-countries__chosen");
  if (!line) return;
  const chosen = [...block.querySelectorAll("input[type=checkbox]:checked")].map((i) => i.parentElement.textContent.trim());
  line.textContent = chosen.length ? `Chosen: ${chosen.join(", ")}` : "None chosen yet.";
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
  countries: {
    read: (block) => nonEmpty([...block.querySelectorAll("input[type=checkbox]:checked")].map((i) => i.value)),
    write(block, values) {
      fillCountries(block.querySelector("[data-rs-countries]"));
      for (const input of block.querySelectorAll("input[type=checkbox]")) input.checked = values.includes(input.value);
      showChosenCountries(block);
    },
    clear(block) {
      for (const input of block.querySelectorAll("input[type=checkbox]")) input.checked = false;
      showChosenCountries(block);
    },
  },
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

export function readAnswers() {
  const answers = {};
  for (const block of form.querySelectorAll(".rs-question")) {
    const value = WIDGETS[block.dataset.widget].read(block);
    if (value !== undefined) answers[block.dataset.qid] = value;
  }
  return answers;
}

export function clearForm() {
  for (const block of form.querySelectorAll(".rs-question")) WIDGETS[block.dataset.widget].clear(block);
}

// Restores what fits the current questionnaire; returns the ids that did not fit.
export function writeAnswers(answers) {
  const skipped = [];
  const blocks = new Map([...form.querySelectorAll(".rs-question")].map((b) => [b.dataset.qid, b]));
  for (const [qid, value] of Object.entries(answers)) {
    const block = blocks.get(qid);
    if (!block) { skipped.push(qid); continue; }
    // Only text: a restored value is never turned into "[object Object]" or "null".
    const values = (Array.isArray(value) ? value : [value]).filter((v) => typeof v === "string");
    WIDGETS[block.dataset.widget].write(block, values);
  }
  return skipped;
}

export function saveAnswers(answers) {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(answers));
  } catch {
    say("Your browser refused to keep the answers for this tab (storage full or disabled). They stay on the page.");
  }
}

export function loadAnswers() {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || "{}");
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/** Show the questions asked (the engine's list, or the policy interpreter's before it runs); a section
 * with no question asked is hidden as a whole. */
export function showAsked(asked) {
  const visible = new Set(asked);
  for (const block of form.querySelectorAll(".rs-question")) block.hidden = !visible.has(block.dataset.qid);
  for (const section of form.querySelectorAll(".rs-section")) {
    section.hidden = !section.querySelector(".rs-question:not([hidden])");
  }
}
