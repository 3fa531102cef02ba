// Material for MkDocs' search worker, started on the self-assessment page only
// once the assessment engine is ready (or has failed, or after 10 s).
//
// Material builds its search index (lunr) in a worker as soon as a page loads:
// some 150 ms of processor time that, on a two-core machine, delays the engine's
// start. On the page with the questionnaire, overrides/main.html points Material
// at this script instead (?worker=<Material's worker file>); it keeps Material's
// messages and hands them over, in order, to Material's own worker code once the
// engine (site_src/engine.mjs) says "ready" or "failed" on the "rs-engine"
// BroadcastChannel. Searching in the meantime shows Material's "Initializing search".
"use strict";
(function () {
  var requested = new URL(self.location.href).searchParams.get("worker") || "";
  var file = requested.split("/").pop();
  // Only Material's own search worker, next to its bundle: never a script named by the URL.
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(file)) {
    throw new Error("search-after-engine.js: not Material's search worker: " + requested);
  }
  var source = new URL("../javascripts/workers/" + file, self.location.href).href;
  var queued = [];
  var started = false;
  var channel = "BroadcastChannel" in self ? new BroadcastChannel("rs-engine") : null;
  function keep(event) { queued.push(event.data); }
  function start() {
    if (started) return;
    started = true;
    if (channel) channel.close();
    self.removeEventListener("message", keep);
    importScripts(source); // Material's worker: it adds its own message listener
    queued.forEach(function (data) { self.dispatchEvent(new MessageEvent("message", { data: data })); });
  }
  self.addEventListener("message", keep);
  if (channel) {
    channel.onmessage = function (event) {
      if (event.data === "ready" || event.data === "failed") start();
    };
    channel.postMessage("state?"); // the engine may already be ready
  }
  setTimeout(start, channel ? 10000 : 0);
})();
