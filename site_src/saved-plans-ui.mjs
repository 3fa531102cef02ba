// The self-assessment page's saved plans: save the current plan under a name, open, rename,
// export, import, delete one or all, and a calendar reminder to re-check. Storage is
// saved-plans.mjs (this device only). Once the engine is ready, and not before (its start
// never waits for this), each plan whose recorded policy version or list dates are older than
// the site's is re-assessed by the engine (the "compare" request: assessments/watch.py), and
// the page shows what changed: the tier before and after, reasons added or gone, list matches
// new or removed with the list and its date. A plan file opened here (the office's copy)
// shows the result as its author saw it, the result under today's policy and lists, and the
// difference. Nothing here sends anything anywhere.
import { engine } from "./engine.mjs";
import { $, el } from "./assessment-dom.mjs";
import { clearForm, readAnswers, writeAnswers } from "./assessment-form.mjs";
import {
  MAX_NAME, cleanName, clearPlans, daysSince, exportText, isOutdated, loadPlans, newId, newestListDate, parseImport,
  reminderIcs, siteVersions, storePlans,
} from "./saved-plans.mjs";

const MAX_FILE_BYTES = 2_000_000;
const today = () => new Date().toISOString().slice(0, 10);
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
const checking = new Set(); // plan ids being re-checked now
let versions = null; // the site's policy version and list dates (assets/data/versions.json)
let status = null;
let list = null;

function tell(message) {
  status.textContent = "";
  requestAnimationFrame(() => { status.textContent = message; });
}

function save(plans) {
  try {
    storePlans(plans);
    return true;
  } catch (error) {
    tell(`This browser refused to keep the plan (${error.name === "QuotaExceededError" ? "its storage is full" : "storage is switched off"}). Nothing was changed.`);
    return false;
  }
}

function download(text, type, name) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "plan";

// --- rendering -------------------------------------------------------------------------

function listDates(record) {
  const dates = Object.values(record?.lists || {}).sort();
  return dates.length ? dates[dates.length - 1] : null;
}

function recordColumn(title, record) {
  return el("div", { class: "rs-saved-compare__col" },
    el("h4", {}, title),
    el("p", {}, el("strong", {}, "Risk tier: "), record.tier || `not yet known (${plural(record.missing, "required answer", "required answers")} missing)`),
    el("p", { class: "rs-saved-compare__meta" }, `Policy ${record.policy_version}`,
      listDates(record) ? `, newest list date ${listDates(record)}` : ", list dates not recorded",
      record.checked ? `; assessed ${record.checked}` : ""),
    record.reasons.length ? el("ul", { class: "rs-saved-compare__reasons" }, record.reasons.map((r) => el("li", { "data-rule": r.rule }, `${r.title} (${r.tier})`)))
      : el("p", {}, "No rule triggered."),
    record.matches.length ? [el("p", {}, el("strong", {}, "List matches:")),
      el("ul", { class: "rs-saved-compare__matches" }, record.matches.map((m) => el("li", {}, `${m.name}: ${m.label}, as of ${m.as_of}`)))]
      : el("p", {}, "No list match."));
}

function changeBox(plan) {
  // A researcher's own plan shows a change until it is marked as seen; a plan opened from a file
  // (the office's view) always shows then and now side by side.
  const check = plan.imported ? plan.lastCheck : plan.change;
  if (!check) return null;
  const { diff, before, now } = check;
  const office = plan.imported;
  const heading = office ? (diff.changed ? "The result is different today" : "No difference today")
    : diff.changed ? "Changed since you last looked" : "No change since you last looked";
  return el("div", { class: `rs-saved-change${diff.changed ? " rs-saved-change--changed" : ""}`, "data-changed": String(diff.changed) },
    el("p", { class: "rs-saved-change__title" }, el("strong", {}, heading),
      ` (re-checked on this device on ${check.checkedAt}${listDates(now) ? ` against lists as of ${listDates(now)}` : ""}).`),
    diff.lines.length ? el("ul", { class: "rs-saved-change__lines" }, diff.lines.map((line) => el("li", {}, line))) : null,
    (check.outdated || []).length ? el("details", {}, el("summary", {}, "What was updated on the site"),
      el("ul", {}, check.outdated.map((line) => el("li", {}, line)))) : null,
    el("div", { class: "rs-saved-compare" },
      recordColumn(office ? "As the researcher saw it" : "Before", before),
      recordColumn(office ? "Under today's policy and lists" : "Now", now)),
    plan.change && !office ? el("button", { type: "button", class: "md-button", "data-act": "seen" }, "Mark as seen") : null);
}

function planStatus(plan) {
  if (checking.has(plan.id)) return "Re-checking on this device\u2026";
  if (plan.change) return null;
  if (versions && isOutdated(plan, versions)) {
    return engine.state === "failed" ? "Newer lists or policy are available, but the assessment engine could not start on this device to re-check it."
      : "Newer lists or policy are available: it is re-checked once the assessment engine is ready.";
  }
  return plan.checkedAt ? `Up to date: last checked ${plan.checkedAt}.` : null;
}

function reminder(plan) {
  const until = new Date();
  until.setUTCFullYear(until.getUTCFullYear() + 2);
  return el("details", { class: "rs-saved-reminder" },
    el("summary", {}, "Remind me to re-check"),
    el("p", {}, "A calendar file made on this device: a repeating reminder that holds only this plan's name and a link to this page. Add it to your calendar; nothing is sent."),
    el("p", {}, el("label", {}, "Every ", el("select", { "data-field": "months" },
      [1, 3, 6, 12].map((m) => el("option", { value: String(m), selected: m === 3 }, m === 1 ? "month" : `${m} months`)))),
    " ", el("label", {}, "until ", el("input", { type: "date", "data-field": "until", value: until.toISOString().slice(0, 10) }))),
    el("button", { type: "button", class: "md-button", "data-act": "ics" }, "Download the reminder (.ics)"));
}

function planItem(plan) {
  return el("li", { class: "rs-saved-plan", id: `rs-saved-${plan.id}`, "data-plan": plan.id },
    el("h3", { class: "rs-saved-plan__name" }, plan.name, plan.imported ? el("span", { class: "rs-saved-plan__tag" }, " (opened from a file)") : null),
    el("p", { class: "rs-saved-plan__meta" }, `Saved ${plan.savedAt.slice(0, 10) || "earlier"}`,
      plan.record ? `; last assessed with policy ${plan.record.policy_version}${listDates(plan.record) ? `, lists as of ${listDates(plan.record)}` : ""}` : "",
      plan.record?.tier ? `; tier then: ${plan.record.tier}` : ""),
    planStatus(plan) ? el("p", { class: "rs-saved-plan__status" }, planStatus(plan)) : null,
    changeBox(plan),
    el("div", { class: "rs-saved-plan__tools" },
      el("button", { type: "button", class: "md-button", "data-act": "open" }, "Open in the form"),
      el("button", { type: "button", class: "md-button", "data-act": "rename" }, "Rename"),
      el("button", { type: "button", class: "md-button", "data-act": "export" }, "Export (.json)"),
      el("button", { type: "button", class: "md-button", "data-act": "delete" }, "Delete")),
    el("form", { class: "rs-saved-rename", hidden: true },
      el("label", {}, "New name ", el("input", { type: "text", maxlength: String(MAX_NAME), value: plan.name, "data-field": "name" })),
      " ", el("button", { type: "submit", class: "md-button" }, "Save the name")),
    reminder(plan));
}

function render() {
  const plans = loadPlans();
  list.replaceChildren(...plans.map(planItem));
  $("rs-saved-empty").hidden = plans.length > 0;
  $("rs-saved-clear").hidden = plans.length === 0;
  const age = versions && newestListDate(versions);
  $("rs-saved-age").textContent = age ? `The lists on this device are as of ${age} (${daysSince(age)} days old); policy ${versions.policy_version}.` : "";
}

// --- actions ---------------------------------------------------------------------------

async function saveCurrent(input) {
  const answers = readAnswers();
  if (!Object.keys(answers).length) { tell("Answer some questions first: there is nothing to save yet."); return; }
  if (engine.state !== "ready") { tell("The plan can be saved once the assessment engine is ready."); return; }
  const response = await engine.record(answers);
  if (!response.ok) { tell(`The plan could not be saved: ${response.error.reason}.`); return; }
  const plans = loadPlans();
  if (plans.length >= 50) { tell("50 plans are saved on this device: delete one before saving another."); return; }
  const name = cleanName(input.value) || `Plan of ${today()}`;
  const plan = { id: newId(), name, answers, record: response.result.record, change: null, savedAt: new Date().toISOString(), checkedAt: today() };
  if (!save([...plans, plan])) return;
  input.value = "";
  render();
  tell(`Saved on this device as \u201c${name}\u201d. It is re-checked here each time you open this page.`);
}

function update(id, change) {
  const plans = loadPlans();
  const plan = plans.find((p) => p.id === id);
  if (!plan) return null;
  change(plan);
  return save(plans) ? plan : null;
}

async function recheck(plan) {
  checking.add(plan.id);
  render();
  const payload = plan.imported && plan.source ? { answers: plan.answers, export: plan.source } : { answers: plan.answers, before: plan.record };
  const response = await engine.compare(payload);
  checking.delete(plan.id);
  if (!response.ok) {
    render();
    tell(`\u201c${plan.name}\u201d could not be re-checked: ${response.error.reason}.`);
    return;
  }
  const { before, now, diff, outdated } = response.result;
  const check = { before, now, diff, outdated, checkedAt: today() };
  update(plan.id, (p) => {
    p.checkedAt = today();
    // A plan opened from a file keeps its author's record (source) and is compared with it each time.
    if (p.imported) { p.lastCheck = check; p.record = now; return; }
    if (diff.changed) p.change = check;
    else { p.record = now; p.change = null; p.lastCheck = check; }
  });
}

/** Once the engine is ready: re-check every plan whose recorded data is older than the site's. */
async function recheckAll() {
  try { versions = await siteVersions(); } catch { versions = null; }
  const due = loadPlans().filter((p) => (versions ? isOutdated(p, versions) : !p.checkedAt || p.checkedAt < today()));
  for (const plan of due) await recheck(plan);
  render();
  const changed = loadPlans().filter((p) => p.change).length;
  if (due.length) tell(`${plural(due.length, "saved plan was", "saved plans were")} re-checked against the newest lists and policy: ${changed ? `${plural(changed, "has", "have")} changed` : "nothing changed"}.`);
  if (location.hash.startsWith("#rs-saved-")) $(location.hash.slice(1))?.scrollIntoView({ block: "start" });
}

async function importPlan(file) {
  let data;
  try {
    if (file.size > MAX_FILE_BYTES) throw new Error("it is larger than 2 MB");
    const text = await file.text();
    data = { parsed: parseImport(text, file.name), raw: JSON.parse(text) };
  } catch (error) {
    tell(`That file was not opened: ${error.message}. Your saved plans are unchanged.`);
    return;
  }
  if (engine.state !== "ready") tell("Opening the file once the assessment engine is ready\u2026");
  try { await engine.ready; } catch { tell("That file was not opened: the assessment engine, which checks it, could not start on this device."); return; }
  const check = await engine.checkImport(data.parsed.answers);
  if (!check.ok || !Object.keys(check.result.answers).length) {
    tell(`That file was not opened: ${check.ok ? "none of its answers fit this questionnaire" : check.error.reason}. Your saved plans are unchanged.`);
    return;
  }
  // What the engine needs to read the author's record: the record, or the result saved with the answers.
  const source = { record: data.raw.record ?? null, result: data.raw.result ?? null, saved_at: data.raw.saved_at ?? null };
  const response = await engine.compare({ answers: check.result.answers, export: source });
  if (!response.ok) { tell(`That file was not opened: ${response.error.reason}. Your saved plans are unchanged.`); return; }
  const { before, now, diff, outdated } = response.result;
  const plans = loadPlans();
  const plan = {
    id: newId(), name: data.parsed.name, answers: check.result.answers, record: now, change: null, imported: true,
    savedAt: data.parsed.savedAt || new Date().toISOString(), checkedAt: today(), source,
    lastCheck: { before, now, diff, outdated, checkedAt: today() },
  };
  if (!save([...plans, plan])) return;
  render();
  $(`rs-saved-${plan.id}`)?.scrollIntoView({ block: "start" });
  const left = check.result.left_out.length ? ` ${plural(check.result.left_out.length, "answer was", "answers were")} left out: not in this version of the questionnaire.` : "";
  tell(`Opened \u201c${plan.name}\u201d: the result as its author saw it and under today's policy and lists are shown side by side.${left}`);
}

function onClick(event, refresh) {
  const button = event.target.closest("button[data-act]");
  const item = event.target.closest("[data-plan]");
  if (!button || !item) return;
  const plan = loadPlans().find((p) => p.id === item.dataset.plan);
  if (!plan) { render(); return; }
  const act = button.dataset.act;
  if (act === "open") {
    clearForm();
    writeAnswers(plan.answers);
    refresh();
    $("rs-form")?.scrollIntoView({ block: "start" });
    tell(`\u201c${plan.name}\u201d is in the form. Changes you make are not saved to the plan until you save it again.`);
  } else if (act === "rename") {
    const form = item.querySelector(".rs-saved-rename");
    form.hidden = !form.hidden;
    if (!form.hidden) form.querySelector("input").focus();
  } else if (act === "export") {
    download(exportText(plan, null), "application/json", `saved-plan-${slug(plan.name)}-${today()}.json`);
    tell(`\u201c${plan.name}\u201d was exported as a file on this device: its answers and the policy version and list dates it was assessed with.`);
  } else if (act === "delete") {
    if (save(loadPlans().filter((p) => p.id !== plan.id))) { render(); tell(`\u201c${plan.name}\u201d was deleted from this device.`); }
  } else if (act === "seen") {
    update(plan.id, (p) => { p.record = p.change.now; p.lastCheck = p.change; p.change = null; });
    render();
    tell(`\u201c${plan.name}\u201d: marked as seen. It is compared with this result from now on.`);
  } else if (act === "ics") {
    const months = Number(item.querySelector("[data-field=months]").value) || 3;
    const until = item.querySelector("[data-field=until]").value;
    const url = new URL(`#rs-saved-${plan.id}`, location.href.split("#")[0].split("?")[0]).href;
    download(reminderIcs({ name: plan.name, url, months, until: /^\d{4}-\d{2}-\d{2}$/.test(until) ? until : "" }), "text/calendar", `re-check-${slug(plan.name)}.ics`);
    tell("The reminder was saved as a calendar file on this device. It holds only the plan's name and a link to this page.");
  }
}

function onRename(event) {
  event.preventDefault();
  const item = event.target.closest("[data-plan]");
  const name = cleanName(event.target.querySelector("input").value);
  if (!name) { tell("Give the plan a name."); return; }
  if (update(item.dataset.plan, (p) => { p.name = name; })) { render(); tell(`Renamed to \u201c${name}\u201d.`); }
}

function panel() {
  return el("section", { class: "rs-saved", id: "rs-saved-plans", "aria-labelledby": "rs-saved-heading" },
    el("h2", { id: "rs-saved-heading" }, "Saved plans on this device"),
    el("p", {}, "Save this plan to come back to it. It is kept in this browser on this device only (its local storage) "
      + "and never sent anywhere. Each time you open this page, saved plans are re-checked here against the newest "
      + "policy and restricted-party lists this site has, and you see what changed. ",
    el("a", { href: new URL("../privacy/#saved-plans", location.href.split("#")[0]).href }, "What is kept")),
    el("form", { class: "rs-saved__save", id: "rs-saved-form" },
      el("label", { for: "rs-saved-name" }, "Name of this plan"), " ",
      el("input", { type: "text", id: "rs-saved-name", maxlength: String(MAX_NAME), placeholder: "e.g. Joint workshop with a partner lab" }), " ",
      el("button", { type: "submit", class: "md-button md-button--primary", id: "rs-saved-save" }, "Save this plan on this device")),
    el("p", { class: "rs-saved__status", id: "rs-saved-status", role: "status" }),
    el("p", { id: "rs-saved-empty" }, "No plan is saved on this device."),
    el("ul", { class: "rs-saved__list", id: "rs-saved-list" }),
    el("p", { class: "rs-saved__age", id: "rs-saved-age" }),
    el("p", { class: "rs-saved__tools" },
      el("button", { type: "button", class: "md-button", id: "rs-saved-import" }, "Open a plan file (.json)"),
      el("input", { type: "file", id: "rs-saved-file", accept: "application/json,.json", class: "rs-visually-hidden", tabindex: "-1", "aria-hidden": "true" }), " ",
      el("button", { type: "button", class: "md-button", id: "rs-saved-clear" }, "Delete all saved plans from this device")),
    el("p", { class: "rs-saved__note" }, "A plan file exported here, or the JSON downloaded with the result, can be opened on any copy of "
      + "this site (the research security office's, for instance): it shows the result as it was saved, the result under "
      + "today's policy and lists, and the difference."));
}

/**
 * @param {() => Promise<void>} refresh re-reads the form and re-assesses
 */
export function initSavedPlans(refresh) {
  const anchor = $("rs-result");
  if (!anchor) return;
  const section = panel();
  anchor.after(section);
  status = $("rs-saved-status");
  list = $("rs-saved-list");
  render();
  $("rs-saved-form").addEventListener("submit", (event) => { event.preventDefault(); saveCurrent($("rs-saved-name")); });
  list.addEventListener("click", (event) => onClick(event, refresh));
  list.addEventListener("submit", onRename);
  $("rs-saved-import").addEventListener("click", () => $("rs-saved-file").click());
  $("rs-saved-file").addEventListener("change", (event) => {
    const [file] = event.target.files;
    if (file) importPlan(file);
    event.target.value = "";
  });
  $("rs-saved-clear").addEventListener("click", () => {
    const count = loadPlans().length;
    clearPlans();
    render();
    tell(`${plural(count, "saved plan was", "saved plans were")} deleted from this device. Nothing else was kept.`);
  });
  // Other tabs of this site change the same storage: show what is stored now.
  window.addEventListener("storage", (event) => { if (event.key === null || event.key === "rs-saved-plans") render(); });
  // After the engine is ready (its start never waits for this), and after the page's first result.
  engine.ready.then(() => setTimeout(recheckAll, 0), () => render());
}
