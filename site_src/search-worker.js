// Material for MkDocs' search worker, started when its index is needed.
//
// Material builds its search index (lunr) in a worker as soon as a page loads: about
// 150 ms of processor time on every page a reader opens, whether they search or
// not (in the tests' Chromium here, 0.17 s of a guide page's 0.65 s; on the
// self-assessment page it would also delay the engine's start on a two-core
// machine). overrides/main.html points Material at this script instead
// (?worker=<Material's worker file>); it keeps Material's messages and hands them
// over, in order, to Material's own worker code at the first of:
// - the reader opens the search: site_src/search-name-check.mjs says "open" on the
//   "rs-search" BroadcastChannel (the channel is the origin's, so another open tab of
//   the site builds its index then too, as every tab did before);
// - on the page with the questionnaire (?engine=1): the assessment engine says
//   "ready" or "failed" on the "rs-engine" channel (site_src/engine.mjs), or 10 s
//   have passed.
// Searching meanwhile shows Material's "Initializing search" until the index is built.
// Without BroadcastChannel the worker starts at once, as Material's own does.
"use strict";
(function () {
  var params = new URL(self.location.href).searchParams;
  var requested = params.get("worker") || "";
  var file = requested.split("/").pop();
  // Only Material's own search worker, next to its bundle: never a script named by the URL.
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(file)) {
    throw new Error("search-worker.js: not Material's search worker: " + requested);
  }
  var source = new URL("../javascripts/workers/" + file, self.location.href).href;
  var queued = [];
  var started = false;
  var channels = [];
  function keep(event) { queued.push(event.data); }
  function start() {
    if (started) return;
    started = true;
    channels.forEach(function (channel) { channel.close(); });
    self.removeEventListener("message", keep);
    importScripts(source); // Material's worker: it adds its own message listener
    queued.forEach(function (data) { self.dispatchEvent(new MessageEvent("message", { data: data })); });
  }
  function listen(name, starts) {
    var channel = new BroadcastChannel(name);
    channel.onmessage = function (event) {
      if (starts.indexOf(event.data) >= 0) start();
    };
    channel.postMessage("state?"); // the search may be open, the engine ready, already
    channels.push(channel);
  }
  self.addEventListener("message", keep);
  if (!("BroadcastChannel" in self)) {
    start();
    return;
  }
  listen("rs-search", ["open"]); // the channel search-name-check.mjs says "open" on (SEARCH_CHANNEL there)
  if (params.get("engine") === "1") {
    listen("rs-engine", ["ready", "failed"]);
    setTimeout(start, 10000);
  }
})();
