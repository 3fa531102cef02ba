// The header search offers the restricted-party name check: whatever the reader
// types, an entry "Check '<query>' against the restricted-party lists" links to
// the self-assessment's name check with the query in the address's fragment
// (#name=...), which browsers never send to the server: the name stays on the
// device, and the check runs in the browser on that page. Text is set with
// textContent only. Loaded on every page by overrides/main.html.
//
// No other word typed here reaches an address: mkdocs.yml leaves out Material's
// search.highlight, which put the query into the next page's address (?h=...).
//
// Keyboard: ArrowDown in the search box reaches the entry first (Material's own
// ArrowDown only walks its result list), ArrowUp from it goes back to the box,
// Enter on it opens it; Enter in the box opens it when the search found nothing
// (with results, Enter opens the best one, as Material does).
//
// It also tells Material's search worker when the reader opens the search: the
// index is built then (site_src/search-worker.js).

const ROOT = new URL("../../", import.meta.url); // this file is served from assets/js/
const MIN_LENGTH = 2;
const SEARCH_CHANNEL = "rs-search"; // BroadcastChannel name, also in search-worker.js
const MAX_LENGTH = 200;

export function nameCheckUrl(query) {
  const url = new URL("self-assessment/", ROOT);
  url.search = "?activity=names";
  if (query) url.hash = `name=${encodeURIComponent(query)}`;
  return url.href;
}

function setUp(input) {
  const wrap = document.querySelector(".md-search__scrollwrap");
  if (!wrap) return;
  const box = document.createElement("div");
  box.className = "guide-name-check";
  box.hidden = true;
  const link = document.createElement("a");
  link.href = nameCheckUrl(""); // a real address from the start (crawlers and tools read hidden links too)
  const note = document.createElement("p");
  note.className = "guide-name-check__note";
  note.textContent = "Opens the self-assessment's name check. The name stays in your browser.";
  box.append(link, note);
  wrap.prepend(box);

  const update = () => {
    const query = input.value.replace(/\s+/g, " ").trim().slice(0, MAX_LENGTH);
    box.hidden = query.length < MIN_LENGTH;
    if (box.hidden) return;
    link.textContent = `Check '${query}' against the restricted-party lists`;
    link.href = nameCheckUrl(query);
  };
  for (const type of ["input", "change", "focus"]) input.addEventListener(type, update);
  // Handled here, before Material's keyboard handler on the window sees the key.
  input.addEventListener("keydown", (event) => {
    if (box.hidden || event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
    const results = document.querySelector('[data-md-component="search-result"] .md-search-result__list [href]');
    if (event.key === "ArrowDown" || (event.key === "Enter" && !results)) {
      event.preventDefault();
      event.stopPropagation();
      if (event.key === "ArrowDown") link.focus();
      else link.click();
    }
  });
  link.addEventListener("keydown", (event) => {
    if (event.key === "ArrowUp") {
      event.preventDefault();
      event.stopPropagation();
      input.focus();
    }
  });
  input.form?.addEventListener("reset", () => {
    box.hidden = true;
  });
  update();
}

// Material's search index is built once the reader opens the search (site_src/search-worker.js): say so
// on the "rs-search" channel when the box gets the focus or the search is opened (a click on the
// magnifier, a keyboard shortcut, a link with ?q=, which Material may have opened before this runs),
// and again whenever the worker asks.
function announceOpening(input) {
  if (!("BroadcastChannel" in window)) return;
  const channel = new BroadcastChannel(SEARCH_CHANNEL);
  const toggle = document.getElementById("__search");
  let opened = false;
  const open = () => {
    opened = true;
    channel.postMessage("open");
  };
  channel.onmessage = (event) => {
    if (event.data === "state?" && opened) channel.postMessage("open");
  };
  input.addEventListener("focus", open);
  toggle?.addEventListener("change", () => {
    if (toggle.checked) open();
  });
  if (document.activeElement === input || toggle?.checked) open();
}

const input = document.querySelector('input[data-md-component="search-query"]');
if (input) {
  setUp(input);
  announceOpening(input);
}
