// "Changed since you last looked": this browser remembers (localStorage, one key)
// the newest date of the change log the reader has seen. On a later visit the
// log page marks the entries that are newer, and a guide page that an entry
// lists in its `pages` shows a short notice under its title. The first visit
// only records. Nothing is sent anywhere.
//
// The log is rendered at build time from docs/data/changes.toml by
// hooks/markers.py (<!-- guide:changes -->) with a JSON data block
// (#guide-changes-data), read in place on the log page. The same hook writes
// the same data as assets/data/changes.json (a few kB, in sw.js's list for the
// offline copy); other pages fetch that, never the log page itself. A missing,
// failed or malformed file shows nothing. Loaded by overrides/main.html on
// pages with `reviewed:` in their front matter.

const STORAGE_KEY = "rs-changes-seen";
const DATA_ID = "guide-changes-data";
const ROOT = new URL("../../", import.meta.url); // this file is served from assets/js/
const LOG = new URL("changes/", ROOT); // only linked to
const DATA = new URL("assets/data/changes.json", ROOT); // hooks/markers.py CHANGES_JSON
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function readSeen() {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    if (value !== null && !DATE.test(value)) window.localStorage.removeItem(STORAGE_KEY); // not a date: start afresh
    return value && DATE.test(value) ? value : null;
  } catch {
    return null; // storage unavailable (private mode): every visit is a first visit
  }
}

function writeSeen(date) {
  try {
    window.localStorage.setItem(STORAGE_KEY, date);
  } catch {
    // Not fatal: see readSeen().
  }
}

/** The valid entries of the data ({"changes": [...]}); throws on text that is not JSON (main() then shows nothing). */
function parse(text) {
  const changes = JSON.parse(text).changes;
  return Array.isArray(changes) ? changes.filter((c) => c && DATE.test(c.date) && typeof c.title === "string") : [];
}

async function loadLog() {
  const here = document.getElementById(DATA_ID);
  if (here) return { onLog: true, changes: parse(here.textContent) };
  const response = await fetch(DATA, { credentials: "same-origin" });
  if (!response.ok) return null;
  return { onLog: false, changes: parse(await response.text()) };
}

function pathOf(url) {
  return url.pathname.replace(/index\.html$/, "");
}

function isThisPage(page) {
  return pathOf(new URL(page, ROOT)) === pathOf(new URL(window.location.href));
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function entryLink(change) {
  const link = element("a", "", change.title);
  link.href = new URL(`#change-${change.id}`, LOG).href;
  return link;
}

function notice(title, ...body) {
  const box = element("div", "admonition info guide-updated");
  box.setAttribute("role", "status");
  box.append(element("p", "admonition-title", title), ...body);
  return box;
}

function afterTitle(box) {
  const title = document.querySelector("article.md-content__inner h1");
  if (title) title.after(box);
}

function markLog(fresh) {
  for (const change of fresh) {
    const row = document.getElementById(`change-${change.id}`);
    if (!row) continue;
    row.classList.add("guide-changes__new");
    const cell = row.cells[1];
    if (cell) cell.prepend(element("span", "guide-new", "New since your last visit"));
  }
  const count = fresh.length === 1 ? "1 change is" : `${fresh.length} changes are`;
  const table = document.querySelector("div.guide-changes");
  const box = notice("New since your last visit", element("p", "", `${count} new since your last visit; they are marked in the log below.`));
  if (table) table.before(box);
}

function noticeForPage(fresh) {
  const list = element("ul");
  for (const change of fresh) {
    const item = element("li");
    item.append(entryLink(change), ` (${change.date})`);
    list.append(item);
  }
  const more = element("p");
  const log = element("a", "", "What changed");
  log.href = LOG.href;
  more.append("See ", log, " for the whole log.");
  afterTitle(notice("Updated since your last visit", list, more));
}

async function main() {
  const log = await loadLog();
  if (!log || log.changes.length === 0) return;
  const newest = log.changes.reduce((max, c) => (c.date > max ? c.date : max), "");
  const seen = readSeen();
  if (seen === null) {
    writeSeen(newest); // first visit: record, show nothing
    return;
  }
  const fresh = log.changes.filter((c) => c.date > seen);
  if (log.onLog) {
    if (fresh.length) markLog(fresh);
    if (newest > seen) writeSeen(newest); // the reader has now seen the whole log
    return;
  }
  const here = fresh.filter((c) => Array.isArray(c.pages) && c.pages.some(isThisPage));
  if (here.length) noticeForPage(here);
}

main().catch(() => {
  // The notice is a convenience: the page works without it.
});
