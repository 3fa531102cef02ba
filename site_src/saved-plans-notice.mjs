// "1 saved plan changed since you last looked", on every page of the site except the
// self-assessment page (which shows the plans themselves). Guide pages never start the
// engine: this compares each saved plan's recorded policy version and list dates with the
// site's, from assets/data/versions.json (hooks/saved_plans.py), and counts the plans the
// engine already found changed (on an earlier visit to the self-assessment page) that the
// person has not looked at yet. It links to the self-assessment page, where the engine
// re-checks the plan and shows what changed. Without saved plans it fetches nothing;
// with them, only that one same-origin file, which carries nothing of the plans.
import { daysSince, isOutdated, loadPlans, newerData, newestListDate, siteVersions } from "./saved-plans.mjs";

const ROOT = new URL("../../", import.meta.url); // served from assets/js/
const PAGE = new URL("self-assessment/", ROOT);

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const plural = (n, one, many) => (n === 1 ? one : many);

async function main() {
  if (document.querySelector(".rs-assessment")) return; // the plans are on this page itself
  const plans = loadPlans();
  if (!plans.length) return;
  let versions = null;
  try { versions = await siteVersions(); } catch { /* offline without a copy: only known changes are counted */ }
  const changed = plans.filter((p) => p.change);
  const recheck = versions ? plans.filter((p) => !p.change && isOutdated(p, versions)) : [];
  const due = [...changed, ...recheck];
  if (!due.length) return;
  const first = due[0];
  const link = element("a", "", due.length === 1 ? `Open \u201c${first.name}\u201d` : "Open your saved plans");
  link.href = new URL(`#rs-saved-${due.length === 1 ? first.id : "plans"}`, PAGE).href;
  const n = due.length;
  const title = `${n} saved ${plural(n, "plan", "plans")} changed since you last looked`;
  const body = element("p");
  const updated = versions ? [...new Map(recheck.flatMap((p) => newerData(p, versions).lists).map((l) => [l.id, l])).values()] : [];
  const parts = [];
  if (changed.length) parts.push(`the result of ${changed.length} ${plural(changed.length, "plan", "plans")} is different now`);
  if (updated.length) {
    parts.push(`${updated.slice(0, 3).map((l) => `${l.label} is now as of ${l.as_of}`).join("; ")}`
      + (updated.length > 3 ? ` and ${updated.length - 3} more lists were updated` : ""));
  }
  if (recheck.some((p) => newerData(p, versions).policy)) parts.push(`the policy is now version ${versions.policy_version}`);
  body.append(`${parts.join("; ")}. `, link, " to see what this means: it is re-checked on this device, and nothing is sent.");
  const age = versions && newestListDate(versions);
  const box = element("div", "admonition info rs-saved-notice");
  box.setAttribute("role", "status");
  box.append(element("p", "admonition-title", title), body);
  if (age) box.append(element("p", "rs-saved-notice__age", `The lists on this device are as of ${age} (${daysSince(age)} days old).`));
  const heading = document.querySelector("article.md-content__inner h1");
  if (heading) heading.after(box);
  else document.querySelector("article.md-content__inner")?.prepend(box);
}

main().catch(() => {
  // The notice is a convenience: the page works without it.
});
