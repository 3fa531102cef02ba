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
  var palette = window.__md_get("__palette");
  var color = palette && palette.color;
  if (!color) {
    var first = document.querySelector("input[name='__palette']");
    if (!first) return;
    color = colorOf(first);
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
