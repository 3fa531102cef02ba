// Saved plans, on this device only: the browser's localStorage, one key. Nothing here is
// ever sent: no module reads this key to build a request. Each plan keeps its name, its
// answers, the engine's record of its last assessment (assessments/watch.py: the policy
// version and each list's date, the tier, reasons and list matches), and, once the engine
// has re-checked it against newer data, what changed until the person has looked at it.
//
// Used by the self-assessment page (saved-plans-ui.mjs) and by every other page
// (saved-plans-notice.mjs, which never starts the engine: it only compares recorded dates
// with assets/data/versions.json, written at build time by hooks/saved_plans.py).

export const STORAGE_KEY = "rs-saved-plans";
export const EXPORT_FORMAT = "research-security-saved-plan/1";
export const MAX_PLANS = 50;
export const MAX_NAME = 120;
const VERSIONS = new URL("../data/versions.json", import.meta.url); // served from assets/js/
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** A plan read back from storage, or null when it is not one (a damaged entry is skipped, not fatal). */
function checked(plan) {
  if (!isObject(plan) || typeof plan.id !== "string" || typeof plan.name !== "string" || !isObject(plan.answers)) return null;
  return {
    id: plan.id.slice(0, 64),
    name: plan.name.slice(0, MAX_NAME),
    answers: plan.answers,
    record: isObject(plan.record) ? plan.record : null,
    change: isObject(plan.change) ? plan.change : null,
    savedAt: typeof plan.savedAt === "string" ? plan.savedAt : "",
    checkedAt: typeof plan.checkedAt === "string" ? plan.checkedAt : "",
    imported: plan.imported === true,
    lastCheck: isObject(plan.lastCheck) ? plan.lastCheck : null, // the latest comparison the engine made
    source: isObject(plan.source) ? plan.source : null, // a file's own record or result (the office's view)
  };
}

/** The saved plans. A stored value that cannot be read as plans is removed; entries that are not
 * plans are removed from it, and every readable plan is kept as it was stored. */
export function loadPlans() {
  let stored;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    return []; // storage switched off: no saved plans
  }
  if (stored === null) return [];
  let data;
  try { data = JSON.parse(stored); } catch { data = null; }
  const kept = Array.isArray(data) ? data.filter((plan) => checked(plan) !== null) : [];
  if (!Array.isArray(data) || kept.length !== data.length) {
    try {
      if (kept.length) localStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
      else localStorage.removeItem(STORAGE_KEY);
    } catch { /* read-only storage: the damaged value stays, and is skipped again next time */ }
  }
  return kept.map(checked);
}

/** Throws when the browser refuses (storage full or switched off): the caller says so. */
export function storePlans(plans) {
  if (!plans.length) localStorage.removeItem(STORAGE_KEY);
  else localStorage.setItem(STORAGE_KEY, JSON.stringify(plans));
}

export function clearPlans() {
  try { localStorage.removeItem(STORAGE_KEY); } catch { /* nothing stored */ }
}

export function cleanName(name) {
  return String(name || "").replace(/\s+/g, " ").trim().slice(0, MAX_NAME);
}

export function newId() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The site's policy version and list dates (a small same-origin file; kept for offline use by sw.js). */
export async function siteVersions() {
  const response = await fetch(VERSIONS, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const data = await response.json();
  if (!isObject(data) || typeof data.policy_version !== "string" || !isObject(data.lists)) throw new Error("not versions data");
  return data;
}

/**
 * What is newer on the site than a plan's record: {policy: bool, lists: [{label, as_of, before}]}.
 * Only dates are compared here; what the newer data means for the plan is the engine's to say.
 */
export function newerData(plan, versions) {
  const record = plan.record;
  if (!record) return { policy: true, lists: [] };
  const recorded = isObject(record.lists) ? record.lists : {};
  const lists = Object.entries(versions.lists)
    .filter(([id, info]) => DATE.test(info.as_of) && !(typeof recorded[id] === "string" && recorded[id] >= info.as_of))
    .map(([id, info]) => ({ id, label: info.label, as_of: info.as_of, before: recorded[id] || null }));
  return { policy: record.policy_version !== versions.policy_version, lists };
}

export const isOutdated = (plan, versions) => {
  const newer = newerData(plan, versions);
  return newer.policy || newer.lists.length > 0;
};

/** The newest list date the site has: how old the device's data is. */
export function newestListDate(versions) {
  return Object.values(versions.lists).map((l) => l.as_of).filter((d) => DATE.test(d)).sort().pop() || null;
}

export function daysSince(date, today = new Date()) {
  return Math.max(0, Math.floor((today - new Date(`${date}T00:00:00Z`)) / 86_400_000));
}

/** A saved plan as a file: its name, answers and the record of its last assessment (what the office re-checks). */
export function exportText(plan, result) {
  return JSON.stringify({
    format: EXPORT_FORMAT,
    about: "A plan saved with the research security self-assessment: its name, the answers, and a record of its last "
      + "assessment (the policy version and each restricted-party list's date it was assessed with, the risk tier, the "
      + "reasons and the list matches). Open it on the self-assessment page of any copy of the guide (Saved plans: Open a "
      + "plan file) to see the result as it was, the result under that copy's current policy and lists, and the "
      + "difference; or triage a folder of them with: python -m assessments assess --batch FOLDER.",
    name: plan.name,
    saved_at: plan.savedAt,
    exported_at: new Date().toISOString(),
    policy_version: plan.record?.policy_version ?? null,
    record: plan.record,
    answers: plan.answers,
    ...(result ? { result } : {}),
  }, null, 2);
}

/** A file read for import: a saved plan's export or the page's own JSON download. Shape only; the engine checks the rest. */
export function parseImport(text, fileName) {
  const data = JSON.parse(text);
  if (!isObject(data) || !isObject(data.answers)) throw new Error("it holds no answers object");
  const name = cleanName(data.name) || cleanName(String(fileName || "").replace(/\.json$/i, "")) || "Imported plan";
  return { name, answers: data.answers, record: isObject(data.record) ? data.record : null, result: isObject(data.result) ? data.result : null, savedAt: typeof data.saved_at === "string" ? data.saved_at : "" };
}

/** A calendar file (RFC 5545) made on this device: a repeating reminder holding only the plan's name and a link. */
export function reminderIcs({ name, url, months, until, today = new Date() }) {
  const day = (d) => d.toISOString().slice(0, 10).replaceAll("-", "");
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + months, today.getUTCDate()));
  const next = new Date(first.getTime() + 86_400_000);
  const text = (s) => String(s).replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");
  // Lines of at most 75 octets (RFC 5545 3.1), never splitting a character.
  const bytes = (c) => new TextEncoder().encode(c).length;
  const fold = (line) => {
    const out = [];
    let current = "";
    let size = 0;
    for (const c of line) {
      if (size + bytes(c) > 74) { out.push(current); current = " "; size = 1; }
      current += c;
      size += bytes(c);
    }
    return [...out, current].join("\r\n");
  };
  const lines = [
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//research-security-guide//saved plan reminder//EN", "CALSCALE:GREGORIAN",
    "BEGIN:VEVENT",
    `UID:${newId()}@saved-plan-reminder`,
    `DTSTAMP:${today.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}`,
    `DTSTART;VALUE=DATE:${day(first)}`,
    `DTEND;VALUE=DATE:${day(next)}`,
    `RRULE:FREQ=MONTHLY;INTERVAL=${months}${until ? `;UNTIL=${until.replaceAll("-", "")}` : ""}`,
    `SUMMARY:${text(`Re-check the saved plan: ${name}`)}`,
    `DESCRIPTION:${text(`Open ${url} on the device where you saved the plan; it is re-checked against the newest lists there.`)}`,
    `URL:${url}`,
    "END:VEVENT", "END:VCALENDAR",
  ];
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
