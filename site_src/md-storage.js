// Material for MkDocs' start-up helpers (from its partials/javascripts/base.html),
// as a file instead of an inline script so pages run under a strict CSP.
(function () {
  var scope = document.currentScript.getAttribute("data-md-scope");
  window.__md_scope = new URL(scope, location);
  window.__md_hash = function (e) {
    return Array.from(e).reduce(function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0);
  };
  // One change from the original: a stored value that is not JSON (another script, an old
  // version, a hand edit) is removed and read as nothing, instead of throwing on every page.
  window.__md_get = function (key, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    var name = base.pathname + "." + key;
    try {
      return JSON.parse(storage.getItem(name));
    } catch (e) {
      try { storage.removeItem(name); } catch (e2) { /* storage refused */ }
      return null;
    }
  };
  window.__md_set = function (key, value, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    try { storage.setItem(base.pathname + "." + key, JSON.stringify(value)); } catch (e) { /* storage refused */ }
  };
})();
