// Interactive checklists: ticks are kept in this browser only (localStorage,
// one key per checklist, keyed by item id), with Reset and Print buttons.
// The markup is rendered at build time by hooks/content.py; without this
// module the page is still a list of ordinary, labelled checkboxes.

const STORAGE_PREFIX = "rs-checklist:";

function storageKey(name) {
  return STORAGE_PREFIX + name;
}

// Storage can be unavailable (private mode, disabled cookies): the checklist
// then still works for the visit, it just forgets the ticks.
function load(name, ids) {
  let saved = null;
  try {
    saved = JSON.parse(window.localStorage.getItem(storageKey(name)) || "{}");
  } catch {
    saved = null;
  }
  if (!saved || typeof saved !== "object" || Array.isArray(saved)) {
    // Not what save() writes: removed, so that the next visit starts clean too.
    try { window.localStorage.removeItem(storageKey(name)); } catch { /* storage unavailable */ }
    saved = {};
  }
  const state = {};
  for (const id of ids) {
    if (saved[id] === true) state[id] = true;
  }
  return state;
}

function save(name, state) {
  try {
    if (Object.keys(state).length === 0) {
      window.localStorage.removeItem(storageKey(name));
    } else {
      window.localStorage.setItem(storageKey(name), JSON.stringify(state));
    }
  } catch {
    // Not fatal: see load().
  }
}

function setUp(root) {
  const name = root.dataset.checklist;
  const ids = JSON.parse(root.dataset.items || "[]");
  const boxes = Array.from(root.querySelectorAll("input.guide-checklist__box"));
  const done = root.querySelector("[data-done]");
  const state = load(name, ids);

  const refresh = () => {
    let count = 0;
    for (const box of boxes) {
      const item = box.closest("li");
      item.classList.toggle("guide-checklist__item--done", box.checked);
      if (box.checked) count += 1;
    }
    if (done) done.textContent = String(count);
  };

  for (const box of boxes) {
    box.checked = state[box.value] === true;
    box.addEventListener("change", () => {
      if (box.checked) state[box.value] = true;
      else delete state[box.value];
      save(name, state);
      refresh();
    });
  }

  root.querySelector('[data-action="reset"]')?.addEventListener("click", () => {
    for (const box of boxes) box.checked = false;
    for (const id of Object.keys(state)) delete state[id];
    save(name, state);
    refresh();
    boxes[0]?.focus();
  });
  root.querySelector('[data-action="print"]')?.addEventListener("click", () => window.print());

  const tools = root.querySelector(".guide-checklist__tools");
  if (tools) tools.hidden = false;
  refresh();
}

for (const root of document.querySelectorAll(".guide-checklist[data-checklist]")) {
  setUp(root);
}
