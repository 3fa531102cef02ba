// Small DOM helpers shared by the self-assessment page's modules. Everything
// user-typed reaches the DOM through text nodes only (el() never parses HTML).

export const $ = (id) => document.getElementById(id);
export const root = document.querySelector(".rs-assessment");
export const siteRoot = new URL("../", new URL(root.dataset.rsAssets, location.href));
const toolsStatus = $("rs-tools-status");
let guidanceUrls = {};

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) { // nested arrays of any depth: never "a,b" or "[object HTMLElement]"
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}


// Only http(s), mailto and tel links from the configuration or the policy become links.
export function safeHref(url) {
  try {
    const parsed = new URL(url, siteRoot);
    return ["http:", "https:", "mailto:", "tel:"].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

export function link(url, text, attrs = {}) {
  const href = safeHref(url);
  return href ? el("a", { ...attrs, href }, text) : el("span", {}, text);
}


/** Site-relative guidance URLs by policy path, from the engine's manifest (see engine.mjs). */
export function setGuidanceUrls(urls) { guidanceUrls = urls || {}; }

export function guidanceLink(path, text) {
  const url = guidanceUrls[path];
  return url === undefined ? null : el("a", { href: new URL(url, siteRoot).href }, text);
}

export function say(message) {
  toolsStatus.textContent = "";
  // A fresh text node makes screen readers announce a repeated message again.
  requestAnimationFrame(() => { toolsStatus.textContent = message; });
}
