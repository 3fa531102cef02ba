// The Web Worker that owns Pyodide. It boots the runtime from this site only,
// unpacks the engine wheels into site-packages and answers requests from
// engine.mjs. Nothing here ever fetches from another origin: the lock file it
// loads lists no packages, and loadPackage is disabled after boot.
import { loadPyodide } from "../pyodide/pyodide.mjs";

const ASSETS = new URL("../", import.meta.url);
const progress = (stage, percent) => postMessage({ type: "progress", stage, percent });

async function sha256Hex(bytes) {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response;
}

async function boot(options) {
  progress("runtime", 5);
  const pyodideURL = new URL("pyodide/", ASSETS);
  const manifestPromise = fetchOk(new URL("engine/manifest.json", ASSETS)).then((r) => r.json());
  const lock = fetchOk(new URL("pyodide-lock.json", pyodideURL)).then((r) => r.json());
  const stdLib = options.stdLibURL ? new URL(options.stdLibURL, ASSETS).href : undefined;
  const pyodide = await loadPyodide({
    indexURL: pyodideURL.href,
    lockFileContents: lock,
    packageBaseUrl: pyodideURL.href,
    ...(stdLib ? { stdLibURL: stdLib } : {}),
    stdout: () => {},
    stderr: (line) => console.warn("[engine]", line),
  });
  progress("engine", 60);
  // No package may ever be fetched at run time, from a CDN or anywhere else.
  const refuse = async () => { throw new Error("package loading is disabled on this site"); };
  pyodide.loadPackage = refuse;
  pyodide.loadPackagesFromImports = refuse;

  const manifest = await manifestPromise;
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  let done = 0;
  for (const wheel of manifest.wheels) {
    const url = new URL(`engine/${wheel.file}`, ASSETS);
    url.searchParams.set("v", wheel.sha256.slice(0, 16));
    const bytes = new Uint8Array(await (await fetchOk(url)).arrayBuffer());
    if ((await sha256Hex(bytes)) !== wheel.sha256) throw new Error(`${wheel.file}: checksum mismatch`);
    pyodide.unpackArchive(bytes, "wheel", { extractDir: sitePackages });
    done += 1;
    progress("engine", 60 + Math.round((30 * done) / manifest.wheels.length));
  }
  const api = pyodide.pyimport("assessments._browser");
  const info = JSON.parse(api.init(JSON.stringify(manifest.config)));
  progress("ready", 100);
  return { api, info, manifest };
}

let booted = null;

self.onmessage = async (event) => {
  const message = event.data || {};
  if (message.type === "boot") {
    booted = boot(message.options || {});
    try {
      const { info, manifest } = await booted;
      postMessage({ type: "ready", info, guidanceUrls: manifest.guidance_urls });
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
    } catch (error) {
      response = { ok: false, error: { where: "engine", key: "", reason: String(error), fix: "" } };
    }
    postMessage({ type: "reply", id: message.id, response });
  }
};
