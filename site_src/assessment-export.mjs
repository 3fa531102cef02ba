// Taking the assessment elsewhere: a plain-text summary (copy, email), the JSON
// record (download, restore), print. Nothing leaves the device unless the person
// sends it themselves.
import { engine } from "./engine.mjs";
import { el, root, say } from "./assessment-dom.mjs";
import { clearForm, readAnswers, writeAnswers } from "./assessment-form.mjs";

const EXPORT_FORMAT = "research-security-assessment/1";
const MAILTO_MAX = 1800; // mail programs truncate or refuse longer mailto: URLs

/**
 * @param {{lastResult: object|null, lastAnswers: object}} state the page's current answers and result
 * @param {() => Promise<void>} update re-reads the form and re-assesses
 */
export function createExports(state, update) {
  function plainSummary() {
    const res = state.lastResult;
    const lines = [`Research security self-assessment (${root.dataset.rsInstitution})`,
      `Date: ${new Date().toISOString().slice(0, 10)}`];
    if (!res) return [...lines, "No result yet."].join("\n");
    lines.push(`Policy: ${res.policy_version} (as of ${res.as_of})`, `Risk tier: ${res.tier.toUpperCase()}`, "");
    if (res.reasons.length) {
      lines.push("Why:");
      for (const r of res.reasons) lines.push(`- [${r.tier}] ${r.title}: ${r.explanation} What to do: ${r.what_to_do}`);
      lines.push("");
    }
    if (res.actions.length) {
      lines.push("Next steps:");
      for (const a of res.actions) lines.push(`- ${a.title}: ${a.form.url}`);
      lines.push("");
    }
    if (res.todo.length) {
      lines.push("To find out:");
      for (const t of res.todo) lines.push(`- ${t.text}`);
      lines.push("");
    }
    for (const s of res.screening || []) {
      const hits = (s.candidates || []).filter((c) => c.match);
      const lists = hits.flatMap((c) => (c.lists || []).map((l) => `${l.label} (as of ${l.as_of})`));
      lines.push(`Screening "${s.query}": ${s.outcome}${lists.length ? ` on ${[...new Set(lists)].join(", ")}` : ""}`);
    }
    lines.push("", "Answers:");
    for (const [qid, value] of Object.entries(state.lastAnswers)) {
      lines.push(`- ${qid}: ${Array.isArray(value) ? value.join("; ") : value}`);
    }
    lines.push("", res.disclaimer);
    return lines.join("\n");
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
    const a = el("a", { href: url, download: `self-assessment-${new Date().toISOString().slice(0, 10)}.json` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    say("The answers and result were saved as a JSON file on this device.");
  }

  async function importFile(file) {
    let data;
    try {
      if (file.size > 2_000_000) throw new Error("the file is larger than 2 MB");
      data = JSON.parse(await file.text());
    } catch (error) {
      say(`That file could not be read (${error.message}). Your current answers are unchanged.`);
      return;
    }
    const answers = data && typeof data === "object" && !Array.isArray(data) ? (data.answers ?? data) : null;
    if (!answers || typeof answers !== "object" || Array.isArray(answers)) {
      say("That file holds no answers object. Your current answers are unchanged.");
      return;
    }
    const before = readAnswers();
    clearForm();
    const skipped = writeAnswers(answers);
    if (engine.state === "ready") {
      const check = await engine.evaluate(readAnswers());
      if (!check.ok) {
        clearForm();
        writeAnswers(before);
        say(`That file does not fit this questionnaire (${check.error.key}: ${check.error.reason}). Your current answers are unchanged.`);
        return;
      }
    }
    await update();
    say(skipped.length ? `Answers restored. Not in this version of the questionnaire, so left out: ${skipped.join(", ")}.`
      : "Answers restored from the file.");
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
    let body = plainSummary();
    if (body.length > MAILTO_MAX) body = `${body.slice(0, MAILTO_MAX)}\n[... shortened: attach the downloaded JSON for the full record]`;
    const subject = `Self-assessment of an international collaboration: ${state.lastResult ? state.lastResult.tier : "no result"}`;
    // Built only now, on the click: nothing leaves the device until the user sends the mail.
    const a = el("a", { href: `mailto:${encodeURIComponent(to)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}` });
    document.body.append(a);
    a.click();
    a.remove();
    say("Your mail program should open with the summary. It leaves this device only if you send it.");
  }

  return { copySummary, download, emailOffice, importFile };
}
