// The self-assessment page: reads the build-time questionnaire, keeps answers
// in sessionStorage, asks the engine for a result on every change and renders
// it. Everything user-typed reaches the DOM through textContent only.
import { engine } from "./engine.mjs";

const STORAGE_KEY = "rs-answers-v1";
const form = document.getElementById("rs-form");
const result = document.getElementById("rs-result");
const resultBody = document.getElementById("rs-result-body");
const status = document.getElementById("rs-engine-status");
const progressBar = document.getElementById("rs-engine-progress");
let guidanceUrls = {};
const siteRoot = new URL("../", new URL(form.closest("[data-rs-assets]").dataset.rsAssets, location.href));

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child == null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function readAnswers() {
  const answers = {};
  for (const block of form.querySelectorAll(".rs-question")) {
    const { qid, type } = block.dataset;
    if (type === "multi") {
      const values = [...block.querySelectorAll("input:checked")].map((i) => i.value);
      if (values.length) answers[qid] = values;
    } else if (["yes_no_unsure", "yes_no", "choice"].includes(type)) {
      const checked = block.querySelector("input:checked");
      if (checked) answers[qid] = checked.value;
    } else if (type === "countries") {
      const values = [...block.querySelector("select").selectedOptions].map((o) => o.value);
      if (values.length) answers[qid] = values;
    } else if (type === "names") {
      const lines = block.querySelector("textarea").value.split("\n").map((s) => s.trim()).filter(Boolean);
      if (lines.length) answers[qid] = lines;
    } else {
      const value = block.querySelector("select, input").value;
      if (value) answers[qid] = value;
    }
  }
  return answers;
}

function writeAnswers(answers) {
  for (const block of form.querySelectorAll(".rs-question")) {
    const { qid, type } = block.dataset;
    const value = answers[qid];
    if (value === undefined) continue;
    if (["multi", "yes_no_unsure", "yes_no", "choice"].includes(type)) {
      const values = Array.isArray(value) ? value : [value];
      for (const input of block.querySelectorAll("input")) input.checked = values.includes(input.value);
    } else if (type === "countries") {
      for (const option of block.querySelector("select").options) option.selected = value.includes(option.value);
    } else if (type === "names") {
      block.querySelector("textarea").value = Array.isArray(value) ? value.join("\n") : String(value);
    } else {
      block.querySelector("select, input").value = String(value);
    }
  }
}

function saveAnswers(answers) {
  try { sessionStorage.setItem(STORAGE_KEY, JSON.stringify(answers)); } catch { /* storage full or disabled */ }
}

function loadAnswers() {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || "{}");
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function guidanceLink(path, text) {
  const url = guidanceUrls[path];
  return url === undefined ? null : el("a", { href: new URL(url, siteRoot).href }, text);
}

function renderResult(res) {
  result.dataset.tier = res.tier;
  const reasons = el("ul", { class: "rs-reasons" });
  for (const r of res.reasons) {
    const cites = el("p", { class: "rs-citations" }, "Sources: ");
    r.citations.forEach((c, i) => {
      if (i) cites.append("; ");
      cites.append(c.url ? el("a", { href: c.url }, c.name) : c.name);
    });
    reasons.append(el("li", { class: `rs-reason rs-tier--${r.tier}`, "data-rule": r.rule },
      el("strong", {}, r.title), " ", el("span", { class: "rs-tier-badge" }, `(${r.tier})`),
      el("p", {}, r.explanation), el("p", {}, el("em", {}, "What to do: "), r.what_to_do), cites,
      guidanceLink(r.guidance, "Read the guidance")));
  }
  const actions = el("ul", { class: "rs-actions" });
  for (const a of res.actions) {
    actions.append(el("li", {}, el("a", { class: "md-button", href: a.form.url }, a.title), el("p", {}, a.why)));
  }
  const todo = el("ul", { class: "rs-todo" });
  for (const t of res.todo) todo.append(el("li", { "data-question": t.question }, t.text));
  resultBody.replaceChildren(...[
    el("p", { class: "rs-tier-line" }, "Risk tier: ", el("strong", { class: `rs-tier rs-tier--${res.tier}` }, res.tier)),
    res.reasons.length ? el("h3", {}, "Why") : null,
    res.reasons.length ? reasons : el("p", {}, "No rule is triggered by these answers."),
    res.actions.length ? el("h3", {}, "Next steps") : null,
    res.actions.length ? actions : null,
    res.todo.length ? el("h3", {}, "To find out") : null,
    res.todo.length ? todo : null,
    el("p", { class: "rs-disclaimer" }, res.disclaimer),
    el("p", { class: "rs-policy" }, `Policy ${res.policy_version}, as of ${res.as_of}.`),
  ].filter(Boolean));
}

function renderError(error) {
  resultBody.replaceChildren(el("p", { class: "rs-error", role: "alert" },
    `The answers could not be assessed: ${error.key ? `${error.key}: ` : ""}${error.reason}`));
}

function showAsked(asked) {
  const visible = new Set(asked);
  for (const block of form.querySelectorAll(".rs-question")) block.hidden = !visible.has(block.dataset.qid);
}

let sequence = 0;
async function update() {
  const answers = readAnswers();
  saveAnswers(answers);
  if (engine.state !== "ready") return;
  const mine = ++sequence;
  const response = await engine.evaluate(answers);
  if (mine !== sequence) return; // a newer change already asked
  if (response.ok) {
    showAsked(response.result.asked);
    renderResult(response.result);
  } else {
    renderError(response.error);
  }
}

writeAnswers(loadAnswers());
form.addEventListener("input", update);
form.addEventListener("change", update);
engine.onState((state, detail) => {
  status.dataset.state = state;
  if (state === "loading") progressBar.value = detail.percent || 0;
  if (state === "failed") {
    // Keep the answers; show every question so nothing is hidden behind the engine.
    for (const block of form.querySelectorAll(".rs-question")) block.hidden = false;
    status.replaceChildren(el("span", { class: "rs-engine-failed" },
      `The assessment engine could not start on this device (${detail.reason}). Your answers are kept. `,
      "Use the checklists and contact your research security office."));
  }
});
engine.ready.then((info) => {
  guidanceUrls = info.guidanceUrls || {};
  status.replaceChildren(el("span", {}, `Engine ready (policy ${info.policy_version}). Results update as you answer.`));
  update();
}, () => {});
