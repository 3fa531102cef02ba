// On guidance pages: when a reader points at, touches or focuses a link to the
// self-assessment, start fetching the engine (the Pyodide runtime, the standard
// library, the engine's wheels), so it is there, or on its way, by the time the
// page opens. Until then the guidance loads no engine bytes at all.
//
// The file names carry content hashes, so they are read from this build: the
// engine's worker (engine-worker.mjs, whose `const BUILD = {...};` line
// hooks/assets.py fills in) names the runtime, the standard library and the
// manifest; the manifest names the wheels. The files are then asked for as
// <link rel="prefetch">: the browser fetches them at low priority and keeps them
// for the next page. Nothing happens when the reader asked to save data.
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

  function prefetch(href) {
    var link = document.createElement("link");
    link.rel = "prefetch";
    link.href = href;
    document.head.appendChild(link);
  }

  function start() {
    started = true;
    var connection = navigator.connection;
    if (connection && connection.saveData) return;
    var worker = new URL("engine-worker.mjs", here.href);
    fetch(worker.href).then(function (response) {
      if (!response.ok) throw new Error("engine-worker.mjs: HTTP " + response.status);
      return response.text();
    }).then(function (text) {
      var match = /^const BUILD = (.*);$/m.exec(text);
      if (!match) return null; // an unbuilt copy (mkdocs serve of the sources): nothing to name
      var build = JSON.parse(match[1]);
      var assets = new URL("../", here.href);
      var runtime = new URL(build.runtime, assets.href);
      ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", build.stdlib].forEach(function (name) {
        prefetch(new URL(name, runtime.href).href);
      });
      ["engine.mjs", "engine-wheels.mjs"].forEach(function (name) { prefetch(new URL(name, here.href).href); });
      prefetch(new URL(target, location.href).href);
      var manifest = new URL(build.manifest, assets.href);
      return fetch(manifest.href).then(function (response) { return response.json(); }).then(function (data) {
        (data.wheels || []).forEach(function (wheel) { prefetch(new URL(wheel.file, manifest.href).href); });
      });
    }).catch(function (error) {
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
