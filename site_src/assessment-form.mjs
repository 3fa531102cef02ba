// The questionnaire's form: read, write and clear answers through one reader,
// writer and clearer per widget kind, keep them in sessionStorage, show the
// questions the engine says are asked. No rule is decided here.
import { $, say } from "./assessment-dom.mjs";

export const STORAGE_KEY = "rs-answers-v1";
export const form = $("rs-form");

// --- country lists ------------------------------------------------------------
// The page carries the 250 countries once, in a <template>; each country list is
// filled when it is first used (focus, pointer, restored answers) or, for the
// rest, one list per task once the page has started. Six filled lists in the
// page's HTML tripled its longest start-up task.

const countryOptions = $("rs-country-options");

export function fillCountries(select) {
  if (!select || !select.hasAttribute("data-rs-countries") || select.hasAttribute("data-rs-filled")) return;
  select.setAttribute("data-rs-filled", "");
  select.append(countryOptions.content.cloneNode(true));
}

export function fillRemainingCountryLists() {
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
    const values = Array.isArray(value) ? value.map(String) : [String(value)];
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

export function showAsked(asked) {
  const visible = new Set(asked);
  for (const block of form.querySelectorAll(".rs-question")) block.hidden = !visible.has(block.dataset.qid);
}
