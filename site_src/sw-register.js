// Registers the site's service worker (sw.js at the top of the site, see
// site_src/sw.js), once the page has loaded, or on the self-assessment page once
// the engine has started, so that keeping the site offline never competes with
// what the reader came for. Says so when a newer version of the site is ready.
"use strict";
(function () {
  if (!("serviceWorker" in navigator)) return;
  var script = document.currentScript;
  var swURL = new URL("../../sw.js", script.src);
  var root = document.documentElement;
  var reloading = false;

  function notice(worker) {
    if (document.getElementById("rs-update")) return;
    var box = document.createElement("div");
    box.id = "rs-update";
    box.setAttribute("role", "status");
    box.className = "md-typeset";
    box.style.cssText = "position:fixed;inset:auto 1rem 1rem auto;z-index:10;max-width:22rem;padding:.6rem .8rem;" +
      "background:var(--md-default-bg-color);color:var(--md-default-fg-color);" +
      "border:1px solid var(--md-default-fg-color--lighter);border-radius:.2rem;box-shadow:var(--md-shadow-z2)";
    var text = document.createElement("span");
    text.textContent = "A newer version of this guide is available. ";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = "Reload";
    button.addEventListener("click", function () {
      reloading = true;
      worker.postMessage({ type: "skip-waiting" });
    });
    box.appendChild(text);
    box.appendChild(button);
    document.body.appendChild(box);
  }

  // The engine could not start on a page the worker served from an older build whose engine was not
  // kept offline (a newer build has replaced its files on the server): move to the newer build, once,
  // without asking. The answers are in this tab's storage and come back after the reload.
  function recover(registration) {
    var KEY = "rs-sw-recovered";
    try {
      if (Date.now() - Number(sessionStorage.getItem(KEY) || 0) < 60000) return; // tried a moment ago
    } catch (e) {
      return; // no storage: a reload could not be told from a loop
    }
    function go(worker) {
      try { sessionStorage.setItem(KEY, String(Date.now())); } catch (e) { return; }
      reloading = true;
      worker.postMessage({ type: "skip-waiting" });
      // Should the new worker not take over soon (the old one still busy), leave the offline copy
      // for this load: without a registration the reload comes from the network, the new build;
      // the new worker then installs afresh, copying the checked files of the old cache, and removes it.
      setTimeout(function () {
        registration.unregister().then(function () { location.reload(); }, function () {});
      }, 8000);
    }
    function whenInstalled(worker) {
      if (worker.state === "installed") return go(worker);
      worker.addEventListener("statechange", function () { if (worker.state === "installed") go(worker); });
    }
    if (registration.waiting) return go(registration.waiting);
    if (registration.installing) return whenInstalled(registration.installing);
    registration.update().then(function () {
      var worker = registration.installing || registration.waiting;
      if (worker) whenInstalled(worker);
    }, function () {});
  }

  function watch(registration) {
    if (!registration) return; // service workers blocked (a browser setting, or the tests)
    if (registration.waiting && navigator.serviceWorker.controller) notice(registration.waiting);
    registration.addEventListener("updatefound", function () {
      var worker = registration.installing;
      if (!worker) return;
      worker.addEventListener("statechange", function () {
        if (worker.state === "installed" && navigator.serviceWorker.controller) notice(worker);
      });
    });
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      if (reloading) location.reload();
    });
    if (root.dataset.engine === "failed" && navigator.serviceWorker.controller) recover(registration);
    // On the self-assessment page: keep the engine's files for offline use.
    if (root.hasAttribute("data-engine")) {
      navigator.serviceWorker.ready.then(function (ready) {
        if (ready.active) ready.active.postMessage({ type: "cache-engine" });
      });
    }
  }

  function register() {
    navigator.serviceWorker.register(swURL.href).then(watch, function () {
      // No sw.js (mkdocs serve) or not allowed (http on another host): the site works without it.
    });
  }

  // Module scripts have run by "load": the self-assessment page has data-engine by then.
  function whenSettled(fn) {
    var settled = function () { var s = root.dataset.engine; return s === undefined || s === "ready" || s === "failed"; };
    if (settled()) return fn();
    var observer = new MutationObserver(function () {
      if (settled()) {
        observer.disconnect();
        fn();
      }
    });
    observer.observe(root, { attributes: true, attributeFilter: ["data-engine"] });
  }

  if (document.readyState === "complete") whenSettled(register);
  else window.addEventListener("load", function () { whenSettled(register); });
})();
