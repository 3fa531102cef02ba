// The policy data the page needs before the engine has started, generated at build
// time from the same model (hooks/markers.py _questionnaire_data, in
// <script id="rs-policy-data" type="application/json">): each question's text,
// answer labels, length limit and ask_if condition, the country lists the conditions
// name, and the engine's limits (assessments/limits.py: the page writes none of its own).
// Which questions are asked before the engine runs: assessment-asked.mjs.
import { askedFor as askedIn } from "./assessment-asked.mjs";

const dataNode = document.getElementById("rs-policy-data");
export const POLICY = JSON.parse(dataNode.textContent);
export const QUESTIONS = new Map(POLICY.questions.map((q) => [q.id, q]));
export const LIMITS = POLICY.limits;

/** The ids of the questions asked for these answers, in questionnaire order (as the engine's `asked`). */
export const askedFor = (answers) => askedIn(POLICY, answers);

let countryNames = null;
export function countryName(code) {
  if (!countryNames) {
    countryNames = new Map([...document.getElementById("rs-country-options").content.querySelectorAll("option")]
      .map((o) => [o.value, o.textContent]));
  }
  return countryNames.get(code) || code;
}

/** A question's answer as a person reads it: the option labels, country names, names. */
export function answerText(qid, value) {
  const q = QUESTIONS.get(qid);
  const values = [].concat(value);
  if (!q) return values.join("; ");
  if (q.per_partner) {
    return values.map((p, i) => `${i + 1}. ${[].concat(p?.names || []).join(", ") || "(no name)"}`
      + `${p?.country ? ` (${countryName(p.country)})` : ""}`).join("; ");
  }
  const labels = new Map(q.options.map((o) => [o.value, o.label]));
  return values.map((v) => labels.get(v) ?? (q.countries ? countryName(v) : v)).join("; ");
}

export function questionText(qid) { return QUESTIONS.get(qid)?.text ?? qid; }
