// Material for MkDocs' palette restore (from its partials/javascripts/palette.html),
// as a file for a strict CSP. Runs synchronously in the header, as the original does,
// after the palette's options (it reads them).
//
// One addition: when the reader has not chosen a palette yet, the original leaves the
// page in the light scheme until Material's bundle applies the first option (which
// follows the system's light or dark preference). On the self-assessment page the
// bundle runs only once the engine has started (site_src/material-after-engine.js),
// so the first option is applied here, as the bundle would: a reader whose system is
// dark never sees a light page meanwhile.
(function () {
  // An option's colours, as Material's palette inputs carry them.
  function colorOf(input) {
    var color = {};
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      var value = input.getAttribute("data-md-color-" + key);
      if (value !== null) color[key] = value;
    });
    return color;
  }
  // A stored palette that is not what Material writes ({index, color} with an index of one of
  // the options and text colours) is removed: Material's bundle would throw on it on every page.
  var options = document.querySelectorAll("input[name='__palette']");
  function valid(value) {
    if (typeof value !== "object" || Array.isArray(value) || !value.color || typeof value.color !== "object") return false;
    if (!(Number.isInteger(value.index) && value.index >= 0 && value.index < options.length)) return false;
    return Object.keys(value.color).every(function (key) { return typeof value.color[key] === "string"; });
  }
  var palette = window.__md_get("__palette");
  if (palette !== null && !valid(palette)) {
    try { localStorage.removeItem(window.__md_scope.pathname + ".__palette"); } catch (e) { /* storage refused */ }
    palette = null;
  }
  var color = palette && palette.color;
  if (!color) {
    if (!options.length) return;
    color = colorOf(options[0]);
  }
  if (color.media === "(prefers-color-scheme)") {
    var media = matchMedia("(prefers-color-scheme: light)");
    var input = document.querySelector(media.matches
      ? "[data-md-color-media='(prefers-color-scheme: light)']"
      : "[data-md-color-media='(prefers-color-scheme: dark)']");
    if (!input) return;
    color = colorOf(input);
  }
  for (var key in color) document.body.setAttribute("data-md-color-" + key, color[key]);
})();
