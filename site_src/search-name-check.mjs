// The header search offers the restricted-party name check: whatever the reader
// types, an entry "Check '<query>' against the restricted-party lists" links to
// the self-assessment's name check with the query in the address's fragment
// (#name=...), which browsers never send to the server: the name stays on the
// device, and the check runs in the browser on that page. Text is set with
// textContent only. Loaded on every page by overrides/main.html.

const ROOT = new URL("../../", import.meta.url); // this file is served from assets/js/
const MIN_LENGTH = 2;
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
  input.form?.addEventListener("reset", () => {
    box.hidden = true;
  });
  update();
}

const input = document.querySelector('input[data-md-component="search-query"]');
if (input) setUp(input);
