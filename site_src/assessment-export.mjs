// Taking the assessment elsewhere: a plain-text summary (copy), a compact one
// that always fits a mailto: link (email), the JSON record (download, restore),
// the draft mitigation plan (Markdown, rendered by the engine's plan_markdown),
// print. Answers are written as question text and answer labels. Nothing leaves
// the device unless the person sends it themselves.
import { engine } from "./engine.mjs";
import { el, root, say } from "./assessment-dom.mjs";
import { clearForm, readAnswers, writeAnswers } from "./assessment-form.mjs";
import { LIMITS, answerText, questionText } from "./assessment-policy.mjs";
import { KIND_TEXT, alertMessage } from "./assessment-result.mjs";
import { OUTCOME_TEXT } from "./assessment-screening.mjs";

const EXPORT_FORMAT = "research-security-assessment/1";
export const MAILTO_MAX = 1800; // characters of body: mail programs truncate or refuse longer mailto: URLs

const today = () => new Date().toISOString().slice(0, 10);

/** A file's bytes, base64-encoded: the engine reads them (check_import), the page never parses them. */
function fileBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result.slice(reader.result.indexOf(",") + 1));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function screeningLine(s) {
  const lists = [...new Set((s.candidates || []).filter((c) => c.match)
    .flatMap((c) => (c.lists || []).map((l) => `${l.label} (current to ${l.as_of}${l.stale ? ", out of date" : ""})`)))];
  return `${s.query}: ${OUTCOME_TEXT[s.outcome] || s.outcome}${lists.length ? ` (${lists.join("; ")})` : ""}`;
}

/** The engine's standing, as on the page: the tier (or where it stands) and one sentence of why. */
function tierLine(res) {
  const stand = res.standing;
  return `Result: ${stand.text}${stand.why ? ` ${stand.why}` : ""}`;
}

/** The reasons that set the tier, and the others (the page's order). */
function splitReasons(res) {
  const tiered = ["final", "provisional"].includes(res.standing.state);
  const top = tiered ? res.reasons.filter((r) => r.tier === res.tier) : res.reasons;
  return [top, res.reasons.filter((r) => !top.includes(r))];
}

/** Next steps, one line per form (as on the page): the actions that share it named together. */
function actionLines(res) {
  const byForm = new Map();
  for (const a of res.actions) {
    if (byForm.has(a.form.url)) byForm.get(a.form.url).push(a); else byForm.set(a.form.url, [a]);
  }
  return [...byForm.values()].map(([a, ...also]) => `- ${[a, ...also].map((b) => b.title).join("; ")}: `
    + `${a.form.url}${a.contact ? ` (${a.contact.label})` : ""}`);
}

/**
 * @param {{lastResult: object|null, lastAnswers: object}} state the page's current answers and result
 * @param {() => Promise<void>} update re-reads the form and re-assesses
 */
export function createExports(state, update) {
  function header() {
    return [`Research security self-assessment (${root.dataset.rsInstitution})`, `Date: ${today()}`];
  }

  function answerLines() {
    const order = state.lastResult?.asked || Object.keys(state.lastAnswers);
    return order.filter((qid) => qid in state.lastAnswers)
      .map((qid) => `- ${questionText(qid)} ${answerText(qid, state.lastAnswers[qid])}`);
  }

  /** Everything: copied to the clipboard. */
  function plainSummary() {
    const res = state.lastResult;
    const lines = header();
    if (!res) return [...lines, "No result yet.", "", "Answers:", ...answerLines()].join("\n");
    lines.push(`Policy: ${res.policy_version} (as of ${res.as_of})`, tierLine(res), "");
    if (res.actions.length) lines.push("Next steps:", ...actionLines(res), "");
    const [top, others] = splitReasons(res);
    const reasonLines = (r) => {
      const out = [`- [${r.tier}] ${r.title}: ${r.explanation} What to do: ${r.what_to_do}`
        + (r.basis ? ` Basis: ${KIND_TEXT[r.basis] || r.basis}.` : "")];
      if ((r.unsure || []).length) {
        out.push(`  Because you answered "${answerText(r.unsure[0], "unsure")}" to: ${r.unsure.map(questionText).join("; ")}`);
      }
      for (const n of r.sponsor_notes || []) out.push(`  ${n.name}: ${n.note}`);
      for (const c of r.citations) {
        out.push(`  Source: ${c.name}${c.url ? ` <${c.url}>` : ""} (${KIND_TEXT[c.kind] || c.kind}`
          + `${c.checked ? `, checked ${c.checked}` : ""})`);
      }
      return out;
    };
    if (top.length) lines.push("Reasons that set the tier:", ...top.flatMap(reasonLines), "");
    if (others.length) lines.push("Other reasons:", ...others.flatMap(reasonLines), "");
    if (res.todo.length) {
      lines.push("To find out:");
      for (const t of res.todo) lines.push(`- ${t.text}`);
      lines.push("");
    }
    if ((res.plan || []).length) {
      lines.push("Draft mitigation plan (to discuss with the office, not an approval):");
      for (const m of res.plan) lines.push(`- ${m.title}: ${m.what}${m.form ? ` Form: ${m.form.title} <${m.form.url}>` : ""}`);
      lines.push("");
    }
    if ((res.screening || []).length) {
      lines.push("Screening:", ...res.screening.map((s) => `- ${screeningLine(s)}`), "");
    }
    lines.push("Answers:", ...answerLines(), "", res.disclaimer);
    return lines.join("\n");
  }

  /** A compact summary that always fits a mailto: link: whole lines only, the least needed dropped first. */
  function emailBody() {
    const res = state.lastResult;
    const attach = "The full record (every answer and the complete result) is in the JSON file saved from the "
      + "self-assessment page (\"Download answers and result\"): please find it attached.";
    const head = header();
    if (!res) return [...head, "No result yet.", "", attach].join("\n");
    head.push(`Policy: ${res.policy_version} (as of ${res.as_of})`, tierLine(res));
    // The page's order; over the limit, lines are dropped from the last block up, whole lines only:
    // the next steps and the reasons that set the tier are the last to go.
    const [top, others] = splitReasons(res);
    const blocks = [
      { title: "Next steps:", items: actionLines(res), keep: true },
      { title: "Reasons that set the tier:", items: top.map((r) => `- ${r.title}. What to do: ${r.what_to_do}`), keep: true },
      { title: "Partner names screened:", items: (res.screening || []).map((s) => `- ${screeningLine(s)}`), keep: true },
      { title: "Other reasons:", items: others.map((r) => `- [${r.tier}] ${r.title}`) },
      { title: "To find out:", items: res.todo.map((t) => `- ${t.text}`) },
      { title: "Draft mitigation plan:", items: (res.plan || []).map((m) => `- ${m.title}`) },
    ].map((block) => ({ ...block, cut: 0 }));
    const render = () => [...head, ...blocks.filter((k) => k.items.length || k.cut).flatMap((k) => ["", k.title, ...k.items,
      ...(k.cut ? [`- ... and ${k.cut} more (in the attached JSON)`] : [])]), "", attach];
    let body = render();
    while (body.join("\n").length > MAILTO_MAX) {
      const block = [...blocks].reverse().find((k) => k.items.length && !k.keep);
      if (!block) {
        // Still too long with only the kept blocks: the reasons by title alone, then the screened
        // names from the last, then whole lines from the end.
        if (blocks[1].items.some((line) => line.includes(". What to do: "))) {
          blocks[1].items = top.map((r) => `- ${r.title}`);
        } else if (blocks[2].items.length > 1) {
          blocks[2].items.pop();
          blocks[2].cut += 1;
        } else {
          const last = [...blocks].reverse().find((k) => k.items.length);
          if (!last) break;
          last.items.pop();
          last.cut += 1;
        }
      } else {
        block.items.pop();
        block.cut += 1;
      }
      body = render();
    }
    return body.join("\n");
  }

  function download() {
    const payload = {
      format: EXPORT_FORMAT,
      saved_at: new Date().toISOString(),
      policy_version: state.lastResult?.policy_version ?? null,
      answers: state.lastAnswers,
      result: state.lastResult,
    };
    const blob = new Blob([JSON.stringify(payload, null, 2)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: `self-assessment-${today()}.json` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    say("The answers and result were saved as a JSON file on this device.");
  }

  /** The draft mitigation plan as a Markdown file: the engine renders it (assessments.plan_markdown). */
  async function downloadPlan() {
    if (engine.state !== "ready") { say("The draft plan can be saved once the assessment engine is ready."); return; }
    const response = await engine.planMarkdown(state.lastAnswers);
    if (!response.ok) { alertMessage(`The draft plan could not be made: ${response.error.reason}.`); return; }
    const url = URL.createObjectURL(new Blob([response.result], { type: "text/markdown" }));
    const a = el("a", { href: url, download: `draft-mitigation-plan-${today()}.md` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    say("The draft mitigation plan was saved as a Markdown file on this device.");
  }

  const refuse = (why) => alertMessage(`That file was not restored: ${why}. Your answers are unchanged.`);

  /** Read and check by the engine (the one reader of answers files: assessments/answers_file.py, the
   * same as the command line's), and only then replace the answers. */
  async function importFile(file) {
    // Not read at all past the engine's own limit (assessments/limits.py, in the page's build-time data).
    const max = LIMITS.answers_file_bytes;
    if (file.size > max) {
      refuse(`it has ${file.size.toLocaleString("en")} bytes, more than ${max.toLocaleString("en")}`);
      return;
    }
    let bytes;
    try {
      bytes = await fileBase64(file);
    } catch (error) {
      refuse(`it could not be read (${error?.message || error})`);
      return;
    }
    if (engine.state !== "ready") say("Checking the file once the assessment engine is ready...");
    try {
      await engine.ready;
    } catch {
      refuse("the assessment engine, which checks the file, could not start on this device");
      return;
    }
    const check = await engine.checkImport(bytes);
    if (!check.ok) {
      const { key, reason, fix } = check.error;
      refuse(`${key ? `${key}: ` : ""}${reason}${fix ? ` (${fix})` : ""}`);
      return;
    }
    const { answers: clean, left_out: leftOut } = check.result;
    if (!Object.keys(clean).length) {
      refuse(leftOut.length ? `none of its answers fit this questionnaire (${describe(leftOut)})` : "it holds no answers");
      return;
    }
    clearForm();
    writeAnswers(clean);
    await update();
    if (leftOut.length) {
      alertMessage(`Answers restored, except ${leftOut.length} left out: ${describe(leftOut)}.`);
    } else {
      say("Answers restored from the file.");
    }
  }

  async function copySummary() {
    const text = plainSummary();
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const area = el("textarea", { class: "rs-visually-hidden", "aria-hidden": "true" });
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    say("A plain-text summary was copied to the clipboard.");
  }

  function emailOffice() {
    const to = root.dataset.rsOfficeEmail;
    const body = emailBody();
    const res = state.lastResult;
    const tier = !res ? "no result" : res.standing.short;
    const subject = `Self-assessment of an international collaboration: ${tier}`;
    // Built only now, on the click: nothing leaves the device until the user sends the mail.
    const a = el("a", { href: `mailto:${encodeURIComponent(to)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}` });
    document.body.append(a);
    a.click();
    a.remove();
    say("Your mail program should open with a short summary. Attach the downloaded JSON file for the full record. "
      + "It leaves this device only if you send it.");
  }

  return { copySummary, download, downloadPlan, emailBody, emailOffice, importFile, plainSummary };
}

function describe(leftOut) {
  return leftOut.map((f) => `"${questionText(f.key)}" (${f.reason.startsWith("unknown question id")
    ? "not a question in this version of the questionnaire" : f.reason.replace(/ \(run `.*`.*\)$/, "")})`).join("; ");
}
