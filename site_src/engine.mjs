// The one module that owns the Python engine. It starts Pyodide in a module
// Web Worker as soon as it is imported and exposes a narrow API:
//   engine.ready            a promise of {policy_version, as_of}
//   engine.assess(answers)  -> {ok, result | error}            (the op `assess` of assessments.browser)
//   engine.checkImport(answers or a file's bytes in base64) -> {ok, result: {answers, left_out} | error}
//   engine.planMarkdown(answers) -> {ok, result: "# Draft mitigation plan ..." | error}
//   engine.screen(name)      -> {ok, result | error}
//   engine.record(answers), engine.compare({answers, before | export}) -> saved plans (assessments/watch.py)
//   engine.onState(fn)       fn(state, detail) for "loading" | "ready" | "failed"
// It marks <html data-engine="loading|ready|failed">. The UI never touches Pyodide.

const STALL_MS = 15000; // no progress for this long: the engine is declared failed
const ENGINE_CHANNEL = "rs-engine"; // BroadcastChannel name, also in search-worker.js

function createEngine() {
  const root = document.documentElement;
  const listeners = new Set();
  const pending = new Map();
  let nextId = 1;
  let state = "loading";
  let detail = { stage: "start", percent: 0 };
  let stallTimer = null;
  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {}); // failure is reported through onState as well

  // Other parts of the page that should not compete with the engine's start for
  // the processor (Material's search index, see search-worker.js) wait for
  // "ready" or "failed" here; they may also ask for the current state.
  const channel = "BroadcastChannel" in self ? new BroadcastChannel(ENGINE_CHANNEL) : null;
  const announce = () => { if (state !== "loading") channel?.postMessage(state); };
  if (channel) channel.onmessage = (event) => { if (event.data === "state?") announce(); };

  const setState = (next, info) => {
    state = next;
    detail = info;
    root.dataset.engine = next;
    for (const fn of listeners) fn(next, info);
    announce();
  };
  const fail = (reason) => {
    if (state === "failed") return;
    clearTimeout(stallTimer);
    worker?.terminate();
    for (const { resolve } of pending.values()) {
      resolve({ ok: false, error: { where: "engine", key: "", reason, fix: "" } });
    }
    pending.clear();
    setState("failed", { reason });
    rejectReady(new Error(reason));
  };
  const armStall = () => {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(() => fail(`no progress for ${STALL_MS / 1000} s while starting`), STALL_MS);
  };

  let worker = null;
  setState("loading", detail);
  try {
    worker = new Worker(new URL("./engine-worker.mjs", import.meta.url), { type: "module", name: "engine" });
  } catch (error) {
    fail(`the engine worker could not start: ${error}`);
  }
  if (worker) {
    worker.onmessage = (event) => {
      const message = event.data;
      if (message.type === "progress") {
        armStall();
        setState("loading", { stage: message.stage, percent: message.percent });
      } else if (message.type === "ready") {
        clearTimeout(stallTimer);
        window.__rsEngineTimings = message.info.timings;
        setState("ready", message.info);
        resolveReady({ ...message.info, guidanceUrls: message.guidanceUrls });
      } else if (message.type === "failed") {
        fail(message.reason);
      } else if (message.type === "reply") {
        pending.get(message.id)?.resolve(message.response);
        pending.delete(message.id);
      }
    };
    worker.onerror = (event) => fail(`the engine could not load (${event.message || "download blocked or refused"})`);
    armStall();
    worker.postMessage({ type: "boot", options: {} });
  }

  const request = (op, payload) => {
    if (state === "failed") {
      return Promise.resolve({ ok: false, error: { where: "engine", key: "", reason: detail.reason, fix: "" } });
    }
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, { resolve });
      worker.postMessage({ type: "request", id, op, payload });
    });
  };

  return {
    ready,
    get state() { return state; },
    get detail() { return detail; },
    assess: (answers) => request("assess", answers),
    checkImport: (answers) => request("check_import", answers),
    planMarkdown: (answers) => request("plan_markdown", answers),
    // Saved plans (saved-plans-ui.mjs): the engine's record of an assessment, and what changed since one.
    record: (answers) => request("record", answers),
    compare: (payload) => request("compare", payload),
    screen: (name) => request("screen", { name }),
    onState(fn) {
      listeners.add(fn);
      fn(state, detail);
      return () => listeners.delete(fn);
    },
  };
}

export const engine = createEngine();
