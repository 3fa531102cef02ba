// The policy data the page needs before the engine has started, generated at build
// time from the same model (hooks/markers.py _questionnaire_data, in
// <script id="rs-policy-data" type="application/json">): each question's text,
// answer labels and ask_if condition, and the country lists the conditions name.
// askedFor() is a generic interpreter of the policy's condition language (the
// engine's assessments/_engine.py asked_ids/_holds): it holds no rule of its own,
// and tests/browser/test_assessment_views.py proves that it agrees with the engine
// on every golden scenario. Once the engine runs, its own `asked` list is used.

const dataNode = document.getElementById("rs-policy-data");
export const POLICY = JSON.parse(dataNode.textContent);
export const QUESTIONS = new Map(POLICY.questions.map((q) => [q.id, q]));

const empty = (value) => value === undefined || value === null || value === ""
  || (Array.isArray(value) && value.length === 0);

// A leaf on the partners question (per_partner) sees one partner, or none (then it is false): as the
// engine's _fires, a condition holds without any partner's facts, or for at least one partner.
function holds(cond, answers, partner = null) {
  if ("all" in cond) return cond.all.every((c) => holds(c, answers, partner));
  if ("any" in cond) return cond.any.some((c) => holds(c, answers, partner));
  if ("not" in cond) return !holds(cond.not, answers, partner);
  if ("screening" in cond) return false; // no screening outcome exists before the engine runs
  if (QUESTIONS.get(cond.q)?.per_partner) {
    if (partner === null) return false;
    if ("in_country_list" in cond) return (POLICY.country_lists[cond.in_country_list] || []).includes(partner.country);
    return Boolean(cond.answered);
  }
  const value = answers[cond.q];
  if (empty(value)) return false;
  if ("answered" in cond) return Boolean(cond.answered);
  if ("eq" in cond) return value === cond.eq;
  if ("in" in cond) return cond.in.includes(value);
  if ("any_in" in cond) return [].concat(value).some((v) => cond.any_in.includes(v));
  if ("in_country_list" in cond) {
    const list = POLICY.country_lists[cond.in_country_list] || [];
    return [].concat(value).some((code) => list.includes(code));
  }
  throw new Error(`unknown condition ${JSON.stringify(cond)}`);
}

const partnersQuestion = POLICY.questions.find((q) => q.per_partner)?.id;

function fires(cond, answers) {
  const partners = partnersQuestion && Array.isArray(answers[partnersQuestion]) ? answers[partnersQuestion] : [];
  return holds(cond, answers) || partners.some((p) => holds(cond, answers, p));
}

/** The ids of the questions asked for these answers, in questionnaire order (as the engine's `asked`). */
export function askedFor(answers) {
  const answered = {};
  const asked = [];
  for (const q of POLICY.questions) {
    if (q.ask_if && !fires(q.ask_if, answered)) continue;
    asked.push(q.id);
    if (q.id in answers) answered[q.id] = answers[q.id];
  }
  return asked;
}

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
