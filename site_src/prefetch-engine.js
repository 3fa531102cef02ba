// On guidance pages: when a reader points at, touches or focuses a link to the
// self-assessment, start fetching the engine (the Pyodide runtime, the standard
// library, the engine's wheels) into the browser's cache, so it is there, or
// partly there, when the page opens. Until then the guidance loads no engine bytes.
//
// The file names carry content hashes, so they are read from this build: the
// engine's worker (engine-worker.mjs, whose `const BUILD = {...};` line
// hooks/assets.py fills in) names the runtime, the standard library and the
// manifest; the manifest names the wheels.
//
// One file at a time, smallest and first needed first, with ordinary low-priority
// fetches rather than <link rel="prefetch">: a prefetch link carries on after
// the reader has clicked, so on a slow link the worker downloaded the same large
// files a second time beside it (measured: the runtime twice). A fetch stops when
// the page is left; what has arrived by then stays in the cache. Nothing happens
// when the reader asked to save data.
"use strict";
(function () {
  var script = document.currentScript;
  if (!script || !("fetch" in window)) return;
  var here = new URL(".", script.src); // .../assets/js/
  var target = new URL("../../self-assessment/", here.href).pathname;
  var started = false;

  function wanted(element) {
    var link = element && element.closest ? element.closest("a[href]") : null;
    if (!link) return false;
    var url = new URL(link.href, location.href);
    return url.origin === location.origin && url.pathname === target;
  }

  function download(href) {
    return fetch(href, { priority: "low" }).then(function (response) {
      if (!response.ok) throw new Error(href + ": HTTP " + response.status);
      // Read to the end, so the browser keeps the whole file.
      var reader = response.body.getReader();
      function drain() { return reader.read().then(function (step) { return step.done ? response : drain(); }); }
      return drain();
    });
  }

  function inTurn(hrefs) {
    return hrefs.reduce(function (previous, href) {
      return previous.then(function () { return download(href); });
    }, Promise.resolve());
  }

  function start() {
    started = true;
    var connection = navigator.connection;
    if (connection && connection.saveData) return;
    var worker = new URL("engine-worker.mjs", here.href).href;
    fetch(worker, { priority: "low" }).then(function (response) {
      if (!response.ok) throw new Error("engine-worker.mjs: HTTP " + response.status);
      return response.text();
    }).then(function (text) {
      var match = /^const BUILD = (.*);$/m.exec(text);
      if (!match) return null; // an unbuilt copy (mkdocs serve of the sources): nothing to name
      var build = JSON.parse(match[1]);
      var assets = new URL("../", here.href);
      var runtime = new URL(build.runtime, assets.href);
      var manifest = new URL(build.manifest, assets.href).href;
      var at = function (name, base) { return new URL(name, base).href; };
      return inTurn([at("engine.mjs", here.href), at("engine-wheels.mjs", here.href),
                     at("pyodide.mjs", runtime.href), at("pyodide.asm.mjs", runtime.href)])
        .then(function () { return fetch(manifest, { priority: "low" }); })
        .then(function (response) {
          if (!response.ok) throw new Error(manifest + ": HTTP " + response.status);
          return response.json();
        })
        .then(function (data) {
          var wheels = (data.wheels || []).map(function (wheel) { return at(wheel.file, manifest); });
          return inTurn(wheels.concat([at(build.stdlib, runtime.href), at("pyodide.asm.wasm", runtime.href)]));
        });
    }).catch(function (error) {
      if (error && error.name === "AbortError") return; // the reader went on: the page was left
      console.warn("[prefetch] the engine could not be fetched ahead", error);
    });
  }

  function onIntent(event) {
    if (!started && wanted(event.target)) start();
  }

  document.addEventListener("pointerover", onIntent, { passive: true });
  document.addEventListener("touchstart", onIntent, { passive: true });
  document.addEventListener("focusin", onIntent);
})();
