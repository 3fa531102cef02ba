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
//   every file against its hash (a file from yet another build fails the install,
//   and a failed install removes its cache), and removes the previous caches only
//   when it takes over: the switch is whole. A file whose content is unchanged is
//   copied over from the previous cache instead of being downloaded again, once
//   its content has been checked against this build's hash.
// - trusts nothing it has stored: every file it serves from its cache is checked
//   against this build's hash first. Pages of other sites on the same origin (a
//   host's project sites share one) can open and change this cache; a file that
//   fails the check is not served, the whole cache is dropped and filled again
//   from the network (docs/hosting.md, "Sites sharing a host").
// - The engine's files are cached when a page asks for them ("cache-engine"
//   message from sw-register.js once the engine is ready) and, on an update, come
//   along into the new cache if the previous one had them.
// - A page whose engine could not start because this build's engine files are
//   gone from the server (a newer build is out) is moved to the new build by
//   sw-register.js.
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

const keyOf = (path) => new URL(path, SCOPE).href;
const pathOf = (url) => new URL(url).pathname.slice(SCOPE.pathname.length);

/** Is this body the build's file at `path`? */
async function isBuildFile(path, body) {
  return (await sha256(body)).startsWith(BUILD.files[path]);
}

/** A cached response's body if it is this build's file, else null (the caller fetches it again). */
async function checkedBody(path, response) {
  const body = await response.arrayBuffer();
  return (await isBuildFile(path, body)) ? body : null;
}

/** Store `paths` in `cache`: each kept copy, or a copy from an earlier build's cache, is used only if
 * its content is this build's (another site on the origin, an extension or a disk error may have
 * changed it); anything else is fetched and checked. Nothing is written unless every file arrived. */
async function cacheFiles(cache, paths) {
  const old = await Promise.all((await oldCaches()).map((name) => caches.open(name)));
  const entries = await Promise.all(paths.map(async (path) => {
    const kept = await cache.match(keyOf(path));
    if (kept && (await checkedBody(path, kept))) return null;
    for (const c of old) {
      const hit = await c.match(keyOf(path));
      const body = hit && (await checkedBody(path, hit));
      if (body) return [path, new Response(body, { status: 200, headers: hit.headers })];
    }
    return [path, await fetchChecked(path)];
  }));
  await Promise.all(entries.filter(Boolean).map(([path, response]) => cache.put(keyOf(path), response)));
}

/** What an install keeps: every file but those cached on use, and the engine if `engine`. */
function installSet(engine) {
  return Object.keys(BUILD.files).filter((p) => !ON_USE(p) || (engine && ENGINE.test(p)));
}

async function hadEngine(names) {
  for (const name of names) {
    const keys = await (await caches.open(name)).keys();
    if (keys.some((r) => ENGINE.test(pathOf(r.url)))) return true;
  }
  return false;
}

/** Fill this build's cache; on any failure remove it, so that no half-filled cache is left behind. */
async function fill(paths) {
  try {
    await cacheFiles(await caches.open(CACHE), paths);
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

// A cached file that is not this build's: the whole cache is dropped (whatever changed one file may
// have changed others) and filled again from the network, checked; until then files come from the network.
let rebuilding = null;
function dropAndRefill(path) {
  console.warn(`[sw] ${path}: the cached copy is not this build's file; the cache is dropped and filled again`);
  rebuilding ||= (async () => {
    const engine = await hadEngine([CACHE]);
    await caches.delete(CACHE);
    await fill(installSet(engine));
  })().catch((error) => console.warn("[sw] the offline copy could not be filled again", error))
    .finally(() => { rebuilding = null; });
  return rebuilding;
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    // A reader who had the engine offline keeps it across the update.
    await fill(installSet(await hadEngine(await oldCaches())));
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
    const key = keyOf(path);
    const hit = await cache.match(key);
    if (hit) {
      const body = await checkedBody(path, hit);
      if (body) return new Response(body, { status: 200, headers: hit.headers });
      event.waitUntil(dropAndRefill(path));
    }
    const response = await fetch(request);
    if (!response.ok) return response; // e.g. a file of this build gone from the server: sw-register.js
    if (ON_USE(path)) {
      // Kept for next time once checked (a copy, so the page is not kept waiting).
      const copy = response.clone();
      event.waitUntil(copy.arrayBuffer().then(async (body) => {
        if (await isBuildFile(path, body)) {
          await cache.put(key, new Response(body, { headers: { "content-type": copy.headers.get("content-type") || "" } }));
        }
      }).catch(() => {}));
    }
    return response;
  })());
});
