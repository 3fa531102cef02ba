// Which questions are asked for a set of answers, before the engine has started (and while it works
// on a reply): the policy's condition language read from the page's build-time data
// (hooks/markers.py _questionnaire_data), as the engine's op `assess` reads it for its `asked`
// (assessments/_engine.py: asked_ids, _fires, _holds). It holds no rule of its own, and no DOM:
// tests/site/test_page_interpreter.py runs this file under Node against the engine on every question
// of over a thousand random answer sets (the same asked and required questions). Once the engine
// runs, the page uses the engine's own `asked`.

const empty = (value) => value === undefined || value === null || value === ""
  || (Array.isArray(value) && value.length === 0);

// A leaf on the partners question (per_partner) sees one partner, or none (then it is false): as the
// engine's _fires, a condition holds without any partner's facts, or for at least one partner.
function holds(policy, cond, answers, partner = null) {
  if ("all" in cond) return cond.all.every((c) => holds(policy, c, answers, partner));
  if ("any" in cond) return cond.any.some((c) => holds(policy, c, answers, partner));
  if ("not" in cond) return !holds(policy, cond.not, answers, partner);
  if ("screening" in cond) return false; // no screening outcome exists before the engine runs
  const inList = (codes) => [].concat(codes).some((code) => (policy.country_lists[cond.in_country_list] || []).includes(code));
  if (policy.questions.find((q) => q.id === cond.q)?.per_partner) {
    if (partner === null) return false;
    if ("in_country_list" in cond) return inList(partner.country);
    return Boolean(cond.answered);
  }
  const value = answers[cond.q];
  if (empty(value)) return false;
  if ("answered" in cond) return Boolean(cond.answered);
  if ("eq" in cond) return value === cond.eq;
  if ("in" in cond) return cond.in.includes(value);
  if ("any_in" in cond) return [].concat(value).some((v) => cond.any_in.includes(v));
  if ("in_country_list" in cond) return inList(value);
  throw new Error(`unknown condition ${JSON.stringify(cond)}`);
}

function fires(policy, cond, answers) {
  const partnersQuestion = policy.questions.find((q) => q.per_partner)?.id;
  const partners = partnersQuestion && Array.isArray(answers[partnersQuestion]) ? answers[partnersQuestion] : [];
  return holds(policy, cond, answers) || partners.some((p) => holds(policy, cond, answers, p));
}

/** The ids of the questions asked for these answers, in questionnaire order (as the engine's `asked`).
 * @param {{questions: object[], country_lists: object}} policy the page's build-time data */
export function askedFor(policy, answers) {
  const answered = {};
  const asked = [];
  for (const q of policy.questions) {
    if (q.ask_if && !fires(policy, q.ask_if, answered)) continue;
    asked.push(q.id);
    if (q.id in answers) answered[q.id] = answers[q.id];
  }
  return asked;
}
