// The site's service worker: keeps the guidance, and the engine once the
// self-assessment has been opened, so both work without a network after one visit.
//
// hooks/assets.py writes this file to the top of the built site (its scope is the
// whole site) with the BUILD line below filled in: the build's version and every
// file it serves with a hash of its content. It
// - answers only GET requests for those files, same origin, inside its scope;
//   anything else (other origins, other paths, POST) goes to the network untouched,
//   and it never sees or stores what a reader types or the result (they live in
//   the page and sessionStorage, never in a request);
// - keeps one cache per build. A new build installs into a new cache, checking
//   every file against its hash (a file from yet another build fails the install),
//   and removes the previous caches only when it takes over: the switch is whole.
//   Content-hashed files (the runtime, the wheels, the manifest) are copied over
//   from the previous cache instead of being downloaded again.
// - The engine's files are cached when a page asks for them ("cache-engine"
//   message from sw-register.js once the engine is ready) and, on an update, come
//   along into the new cache if the previous one had them.
"use strict";

const BUILD = {"version": "dev", "files": {}};

const PREFIX = "rs-guide:";
const SCOPE = new URL(self.registration.scope);
const CACHE = `${PREFIX}${SCOPE.pathname}:${BUILD.version}`;
const ENGINE = /^assets\/(pyodide|engine)\//;
// Large files used by few readers are cached when first used, not installed.
// (Source maps, search language packs and the sitemap are for tools, not readers.)
const ON_USE = (path) => ENGINE.test(path) || /\.map$|^assets\/javascripts\/lunr\/|^sitemap\.xml/.test(path);
const HASHED = /^assets\/(pyodide\/[0-9a-f]{16}\/|engine\/.*\.[0-9a-f]{16}\.(whl|json)$)/;

/** The site-relative path of a request this worker serves, or null. */
function sitePath(url) {
  const u = new URL(url);
  if (u.origin !== SCOPE.origin || !u.pathname.startsWith(SCOPE.pathname)) return null;
  let path = decodeURIComponent(u.pathname.slice(SCOPE.pathname.length));
  if (path === "" || path.endsWith("/")) path += "index.html";
  return Object.prototype.hasOwnProperty.call(BUILD.files, path) ? path : null;
}

async function sha256(buffer) {
  const digest = await crypto.subtle.digest("SHA-256", buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Fetch a file of this build from the network and check it; resolves to a Response to store. */
async function fetchChecked(path) {
  // A content-hashed file may come from the browser's cache as it is; any other is checked with the server.
  const response = await fetch(new Request(new URL(path, SCOPE), { cache: HASHED.test(path) ? "default" : "no-cache" }));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  if (!(await sha256(body)).startsWith(BUILD.files[path])) {
    throw new Error(`${path}: not this build's file (the site was updated meanwhile)`);
  }
  const headers = new Headers();
  for (const name of ["content-type", "etag", "last-modified"]) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(body, { status: 200, headers });
}

async function oldCaches() {
  return (await caches.keys()).filter((name) => name.startsWith(`${PREFIX}${SCOPE.pathname}:`) && name !== CACHE);
}

async function cacheFiles(cache, paths) {
  const old = await Promise.all((await oldCaches()).map((name) => caches.open(name)));
  const keyOf = (path) => new URL(path, SCOPE).href;
  const entries = await Promise.all(paths.map(async (path) => {
    if (await cache.match(keyOf(path))) return null;
    if (HASHED.test(path)) {
      for (const c of old) {
        const hit = await c.match(keyOf(path));
        if (hit) return [path, hit];
      }
    }
    return [path, await fetchChecked(path)];
  }));
  // Written only once every file has arrived and been checked.
  await Promise.all(entries.filter(Boolean).map(([path, response]) => cache.put(keyOf(path), response)));
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const paths = Object.keys(BUILD.files);
    let wanted = paths.filter((p) => !ON_USE(p));
    // A reader who had the engine offline keeps it across the update.
    for (const name of await oldCaches()) {
      const keys = await (await caches.open(name)).keys();
      if (keys.some((r) => ENGINE.test(new URL(r.url).pathname.slice(SCOPE.pathname.length)))) {
        wanted = wanted.concat(paths.filter((p) => ENGINE.test(p)));
        break;
      }
    }
    await cacheFiles(await caches.open(CACHE), wanted);
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    await Promise.all((await oldCaches()).map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  const type = event.data && event.data.type;
  if (type === "skip-waiting") self.skipWaiting();
  if (type === "cache-engine") {
    const engine = Object.keys(BUILD.files).filter((p) => ENGINE.test(p));
    event.waitUntil(caches.open(CACHE).then((cache) => cacheFiles(cache, engine)).catch((error) => {
      console.warn("[sw] the engine could not be kept offline", error);
    }));
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const path = sitePath(request.url);
  if (path === null) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const key = new URL(path, SCOPE).href;
    const hit = await cache.match(key);
    if (hit) return hit;
    const response = await fetch(request);
    if (response.ok && ON_USE(path)) {
      // Kept for next time once checked (a copy, so the page is not kept waiting).
      const copy = response.clone();
      event.waitUntil(copy.arrayBuffer().then(async (body) => {
        if ((await sha256(body)).startsWith(BUILD.files[path])) {
          await cache.put(key, new Response(body, { headers: { "content-type": copy.headers.get("content-type") || "" } }));
        }
      }).catch(() => {}));
    }
    return response;
  })());
});
