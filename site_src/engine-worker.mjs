// The Web Worker that owns Pyodide. It boots the runtime from this site only,
// unpacks the engine wheels into site-packages and answers requests from
// engine.mjs. Nothing here ever fetches from another origin: the lock file it
// loads lists no packages, and loadPackage is disabled after boot.
import { loadPyodide } from "../pyodide/pyodide.mjs";
import { mountWheels } from "./engine-wheels.mjs";

// hooks/assets.py rewrites this line (and the import above) in the built site with
// the content-hashed names of the runtime's folder and the manifest, and the
// trimmed lock file (no packages) inline. Keep each on one line.
const BUILD = {"runtime": "pyodide/", "stdlib": "python_stdlib.pyc.zip.gzip", "manifest": "engine/manifest.json", "lock": null, "sha256": {}};

const ASSETS = new URL("../", import.meta.url);
const progress = (stage, percent) => postMessage({ type: "progress", stage, percent });

async function sha256Hex(bytes) {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function fetchOk(url) {
  const response = await siteFetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response;
}

// What Pyodide fetches from its folder (the WebAssembly, the standard library) is checked against the
// SHA-256 the build recorded before Pyodide gets it. Its JavaScript modules arrive by import, which a
// fetch wrapper cannot see: the service worker checks those (and every file) against the build's hashes.
const siteFetch = self.fetch.bind(self);
// A runtime file that cannot be used is said at once (the page shows its fallback now, not after the
// no-progress wait: Pyodide catches a failed WebAssembly load and waits for ever), then thrown.
function refused(reason) {
  postMessage({ type: "failed", reason });
  return new Error(reason);
}
function checkRuntimeFetches(pyodideURL) {
  let received = 0;
  let reported = 0;
  self.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), self.location.href);
    const name = url.href.startsWith(pyodideURL.href) ? url.pathname.slice(pyodideURL.pathname.length) : "";
    const expected = Object.hasOwn(BUILD.sha256 || {}, name) ? BUILD.sha256[name] : null;
    if (!expected) return siteFetch(input, init);
    const response = await siteFetch(input, init);
    // A host or filter that refuses the file (.wasm files, for one).
    if (!response.ok || !response.body) throw refused(`${name}: HTTP ${response.status}`);
    // Read in chunks, saying so (engine.mjs declares a start without progress for a while failed).
    const chunks = [];
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      if (received - reported > 1_000_000) {
        reported = received;
        progress("runtime", Math.min(50, 5 + Math.floor(received / 500_000)));
      }
    }
    const bytes = await new Blob(chunks).arrayBuffer();
    if ((await sha256Hex(bytes)) !== expected) throw refused(`${name}: checksum mismatch`);
    progress("runtime", Math.min(50, 5 + Math.floor(received / 500_000)));
    if (!name.endsWith(".gzip")) return new Response(bytes, { status: 200, headers: response.headers });
    // The standard library comes as one gzip-compressed zip (hooks/_runtime.py), checked as it came:
    // Pyodide gets the zip itself.
    try {
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      return new Response(await new Response(stream).arrayBuffer(), { status: 200 });
    } catch (error) {
      throw refused(`${name}: cannot be decompressed (${error})`);
    }
  };
}

async function boot(options) {
  const marks = { start: performance.now() };
  progress("runtime", 5);
  const pyodideURL = new URL(BUILD.runtime, ASSETS);
  checkRuntimeFetches(pyodideURL);
  // The manifest's name carries the first 16 hex digits of its SHA-256 (hooks/assets.py).
  const manifestURL = new URL(BUILD.manifest, ASSETS);
  const manifestPromise = fetchOk(manifestURL).then(async (r) => {
    const bytes = await r.arrayBuffer();
    const named = /\.([0-9a-f]{16})\.json$/.exec(manifestURL.pathname);
    if (named && !(await sha256Hex(bytes)).startsWith(named[1])) throw new Error(`${manifestURL.pathname}: checksum mismatch`);
    return JSON.parse(new TextDecoder().decode(bytes));
  });
  // The engine wheels download and are checked while the runtime starts.
  const wheelsPromise = manifestPromise.then((manifest) => Promise.all(manifest.wheels.map(async (wheel) => {
    const url = new URL(`engine/${wheel.file}`, ASSETS); // the name carries its content hash
    const bytes = new Uint8Array(await (await fetchOk(url)).arrayBuffer());
    if ((await sha256Hex(bytes)) !== wheel.sha256) throw new Error(`${wheel.file}: checksum mismatch`);
    return { file: wheel.file, bytes };
  })));
  wheelsPromise.catch(() => {}); // awaited below; avoid an unhandled rejection while the runtime loads
  const lock = BUILD.lock || fetchOk(new URL("pyodide-lock.json", pyodideURL)).then((r) => r.json());
  const pyodide = await loadPyodide({
    indexURL: pyodideURL.href,
    lockFileContents: lock,
    packageBaseUrl: pyodideURL.href,
    // The standard library precompiled to bytecode at build time (hooks/precompile.mjs), gzip-compressed.
    stdLibURL: new URL(options.stdLibURL || BUILD.stdlib, pyodideURL).href,
    stdout: () => {},
    stderr: (line) => console.warn("[engine]", line),
  });
  marks.runtime = performance.now();
  progress("engine", 60);
  // No package may ever be fetched at run time, from a CDN or anywhere else.
  const refuse = async () => { throw new Error("package loading is disabled on this site"); };
  pyodide.loadPackage = refuse;
  pyodide.loadPackagesFromImports = refuse;

  const manifest = await manifestPromise;
  const wheels = await wheelsPromise;
  mountWheels(pyodide, wheels);
  marks.wheels = performance.now();
  const api = pyodide.pyimport("assessments.browser");
  const info = JSON.parse(api.init(JSON.stringify(manifest.config)));
  marks.ready = performance.now();
  progress("ready", 100);
  // Milliseconds since the worker started, for the benchmarks and the console.
  info.timings = {
    runtime: Math.round(marks.runtime - marks.start),
    wheels: Math.round(marks.wheels - marks.runtime),
    init: Math.round(marks.ready - marks.wheels),
  };
  return { api, info, manifest };
}

let booted = null;

// What the screening index builds on first use (api.warm_step: one piece per call, each some tens of
// milliseconds) is built while no request comes: each request puts it off by IDLE_MS, so that a request
// never waits behind it.
// Once every part is built (or building one failed), nothing more is scheduled.
const IDLE_MS = 400;
let idleTimer = 0;
let prepared = false;
function prepareWhenIdle(api) {
  if (prepared) return;
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    let more = false;
    try { more = api.warm_step(); } catch (error) { console.warn("[engine] preparing the screening index failed", error); }
    if (more) prepareWhenIdle(api);
    else prepared = true;
  }, IDLE_MS);
}

self.onmessage = async (event) => {
  const message = event.data || {};
  if (message.type === "boot") {
    booted = boot(message.options || {});
    try {
      const { api, info, manifest } = await booted;
      // api.init built the screening index: from "ready" on, nothing a request needs is still to come.
      postMessage({ type: "ready", info, guidanceUrls: manifest.guidance_urls });
      prepareWhenIdle(api);
    } catch (error) {
      postMessage({ type: "failed", reason: String(error && error.message ? error.message : error) });
    }
    return;
  }
  if (message.type === "request") {
    let response;
    try {
      const { api } = await booted;
      response = JSON.parse(api.handle(JSON.stringify({ op: message.op, payload: message.payload })));
      prepareWhenIdle(api);
    } catch (error) {
      response = { ok: false, error: { where: "engine", key: "", reason: String(error), fix: "" } };
    }
    postMessage({ type: "reply", id: message.id, response });
  }
};
