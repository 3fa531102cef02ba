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

// --- partners: a repeatable group of rows (names and country each) --------------------------
// Rows are numbered here, so that every control keeps its label "Partner N: names" / "Partner N:
// country" after a row is added or removed. The engine keys a partner's screening by its index in
// the answer (empty rows are not part of it): read() writes that index on the row's panel.

const partnerRows = (block) => [...block.querySelectorAll("[data-rs-partner]")];

function numberPartners(block) {
  const rows = partnerRows(block);
  rows.forEach((row, i) => {
    const n = i + 1;
    const names = row.querySelector("textarea");
    const country = row.querySelector("select");
    const [namesLabel, countryLabel] = row.querySelectorAll("label");
    names.id = `${block.id}-p${n}-names`;
    country.id = `${block.id}-p${n}-country`;
    namesLabel.htmlFor = names.id;
    namesLabel.textContent = `Partner ${n}: names`;
    countryLabel.htmlFor = country.id;
    countryLabel.textContent = `Partner ${n}: country`;
    row.querySelector("[data-rs-remove]").setAttribute("aria-label", `Remove partner ${n}`);
  });
  const max = Number(block.querySelector("[data-max]").dataset.max);
  const add = block.querySelector("[data-rs-add]");
  add.disabled = rows.length >= max;
  add.textContent = rows.length >= max ? `Add another partner (at most ${max})` : "Add another partner";
}

function addPartnerRow(block) {
  const row = block.querySelector("template[data-rs-partner-row]").content.firstElementChild.cloneNode(true);
  block.querySelector(".rs-partners__list").append(row);
  fillCountries(row.querySelector("select"));
  numberPartners(block);
  return row;
}

function clearPartnerRow(row) {
  row.querySelector("textarea").value = "";
  row.querySelector("select").value = "";
  const panel = row.querySelector(".rs-screening");
  panel.dataset.partner = "";
  panel.replaceChildren();
}

/** The "Add another partner" and "Remove" buttons; true if the click changed the answers. */
export function onPartnerButton(target) {
  const button = target.closest?.("[data-rs-add], [data-rs-remove]");
  const block = button?.closest(".rs-question");
  if (!block) return false;
  const status = block.querySelector(".rs-partners__status");
  if (button.matches("[data-rs-add]")) {
    if (button.disabled) return false;
    const row = addPartnerRow(block);
    row.querySelector("textarea").focus();
    status.textContent = `Partner ${partnerRows(block).length} added.`;
    return true;
  }
  const row = button.closest("[data-rs-partner]");
  const rows = partnerRows(block);
  const index = rows.indexOf(row);
  if (rows.length === 1) clearPartnerRow(row); // one row always stays, empty
  else row.remove();
  numberPartners(block);
  const next = partnerRows(block)[Math.max(0, index - 1)];
  next.querySelector("textarea").focus();
  status.textContent = `Partner ${index + 1} removed.`;
  return true;
}

const partnerValues = (value) => (Array.isArray(value) ? value : [])
  .filter((p) => p && typeof p === "object" && !Array.isArray(p))
  .map((p) => ({
    names: (Array.isArray(p.names) ? p.names : [p.names]).filter((n) => typeof n === "string"),
    country: typeof p.country === "string" ? p.country : "",
  }));

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
  partners: {
    // A list of {names, country}: written from the raw value (objects), not from text values.
    structured: partnerValues,
    read(block) {
      const partners = [];
      for (const row of partnerRows(block)) {
        const names = textLines(row.querySelector("textarea").value);
        const country = row.querySelector("select").value;
        const panel = row.querySelector(".rs-screening");
        if (!names.length && !country) { panel.dataset.partner = ""; continue; }
        panel.dataset.partner = String(partners.length);
        partners.push({ ...(names.length ? { names } : {}), ...(country ? { country } : {}) });
      }
      return nonEmpty(partners);
    },
    write(block, partners) {
      const max = Number(block.querySelector("[data-max]").dataset.max);
      WIDGETS.partners.clear(block);
      partners.slice(0, max).forEach((p, i) => {
        const row = i ? addPartnerRow(block) : partnerRows(block)[0];
        const select = row.querySelector("select");
        fillCountries(select);
        row.querySelector("textarea").value = p.names.join("\n");
        select.value = p.country;
      });
    },
    clear(block) {
      const [first, ...rest] = partnerRows(block);
      for (const row of rest) row.remove();
      clearPartnerRow(first);
      numberPartners(block);
    },
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
    const widget = WIDGETS[block.dataset.widget];
    // Only text (or, for a structured widget, its own checked shape): a restored value is never
    // turned into "[object Object]" or "null".
    const values = widget.structured ? widget.structured(value)
      : (Array.isArray(value) ? value : [value]).filter((v) => typeof v === "string");
    widget.write(block, values);
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

/** The answers kept for this tab; anything stored that is not an answers object is removed (the
 * engine checks the values themselves: writeAnswers restores text only, check_import the rest). */
export function loadAnswers() {
  let parsed;
  try {
    parsed = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || "{}");
  } catch {
    parsed = null;
  }
  if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed;
  try { sessionStorage.removeItem(STORAGE_KEY); } catch { /* storage unavailable */ }
  return {};
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
