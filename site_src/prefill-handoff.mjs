// A next step's prefilled hand-off: when the institution's configuration declares how a form is
// prefilled (institution.toml: prefill_url or prefill_mail; checked by assessments/prefill.py),
// the engine puts on the step's form the exact parameters, values and URL
// (result.actions[].form.prefill). This shows them before anything is sent, and opens the form
// (or the mail) with them only when the person clicks. Nothing is sent otherwise: the URL is
// not a link the browser could follow or prefetch on its own.
import { el, safeHref } from "./assessment-dom.mjs";

function host(url) {
  try { return url.startsWith("mailto:") ? url.slice(7).split("?")[0] : new URL(url).host; } catch { return url; }
}

/** The hand-off for one next step (an element), or null when its form is not prefilled. */
export function prefillHandoff(action) {
  const prefill = action?.form?.prefill;
  const href = prefill && safeHref(prefill.url);
  if (!href || !Array.isArray(prefill.fields)) return null;
  const mail = prefill.kind === "mail";
  const target = host(prefill.target || prefill.url);
  const button = el("button", { type: "button", class: "md-button", "data-prefill": action.id },
    mail ? "Write the mail with these filled in" : "Open the form with these filled in");
  button.addEventListener("click", () => {
    // Only now does anything leave the device: the browser opens the form (or the mail program).
    if (mail) window.location.href = href;
    else window.open(href, "_blank", "noopener,noreferrer");
  });
  return el("div", { class: "rs-prefill", "data-prefill-for": action.id },
    el("p", {}, el("strong", {}, mail ? `What the mail to ${target} will hold` : `What will go to the form at ${target}`),
      ": only if you click the button below, and only these fields. Nothing is sent before."),
    el("div", { class: "rs-table-scroll" }, el("table", { class: "rs-prefill__fields" },
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Field"), el("th", { scope: "col" }, "Value"))),
      el("tbody", {}, prefill.fields.map((f) => el("tr", {}, el("td", { "data-label": "Field" }, f.name),
        el("td", { "data-label": "Value" }, f.value || "(empty)")))))),
    el("p", {}, button));
}
