// Material for MkDocs' script bundle, started on the self-assessment page only once
// the engine has started (or has failed), or as soon as the reader does anything.
//
// Why: on a two-core machine the engine's Web Worker and the page share the
// processor. Material's bundle costs the main thread about 110 ms as the page loads
// (compiling and running it, its DOMContentLoaded handlers and the layout they
// force), and a Web Worker can only start when the main thread is free: traces
// showed the worker's start waiting behind the bundle (benchmarks/engine_boot.py,
// docs/performance.md#limits). The questionnaire is plain HTML and the page's own
// modules: it works without the bundle; what waits is Material's polish (the
// search box, the colour-scheme toggle, the header that follows the scroll).
//
// overrides/main.html puts this file where Material's bundle was, with the bundle's
// address in data-bundle. Material starts on the document's DOMContentLoaded event
// (its `document$` observable), which has fired by the time the bundle arrives here,
// so it is sent again, once, right after the bundle has run. None of the site's own
// scripts listen for DOMContentLoaded (tests/site/test_content.py checks).
//
// When: the engine says "ready" or "failed" (<html data-engine>, site_src/engine.mjs);
// or the reader presses a key, a pointer or a touch, or scrolls (Material must react
// at once); or after FALLBACK_MS. Until then the header shows no search or colour
// scheme button (Material hides them while the page is "no-js"): on this machine that
// is under a second; on a slow link, where the worker mostly waits for bytes and the
// bundle costs it little, the fallback brings them after two seconds.
"use strict";
(function () {
  var FALLBACK_MS = 2000;
  var script = document.currentScript;
  var bundle = script && script.getAttribute("data-bundle");
  // Only Material's own bundle, next to this site's assets: never a script named elsewhere.
  if (!bundle || !/(^|\/)assets\/javascripts\/bundle\.[0-9a-f]+\.min\.js$/.test(bundle)) {
    throw new Error("material-after-engine.js: not Material's bundle: " + bundle);
  }
  var root = document.documentElement;
  // The reader's own actions, seen before anything on the page handles them; and a scroll of the
  // page itself (a "scroll" of an element inside it does not reach window outside the capture phase).
  var ACTIONS = ["pointerdown", "keydown", "touchstart", "wheel"];
  var started = false;
  var observer = null;
  var timer = null;

  function start() {
    if (started) return;
    started = true;
    if (observer) observer.disconnect();
    clearTimeout(timer);
    ACTIONS.forEach(function (name) { window.removeEventListener(name, start, true); });
    window.removeEventListener("scroll", start);
    var element = document.createElement("script");
    element.src = bundle;
    element.addEventListener("load", function () {
      document.dispatchEvent(new Event("DOMContentLoaded"));
    });
    document.body.appendChild(element);
  }

  function settled() {
    var state = root.getAttribute("data-engine");
    return state === "ready" || state === "failed";
  }

  function arm() {
    if (settled()) return start();
    observer = new MutationObserver(function () { if (settled()) start(); });
    observer.observe(root, { attributes: true, attributeFilter: ["data-engine"] });
    ACTIONS.forEach(function (name) { window.addEventListener(name, start, { capture: true, passive: true }); });
    window.addEventListener("scroll", start, { passive: true });
    timer = setTimeout(start, FALLBACK_MS);
  }

  // A deferred script: the document is parsed; Material's handlers need DOMContentLoaded to
  // have happened before they are sent it again.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", arm, { once: true });
  else arm();
})();
