// Material for MkDocs' anchor-to-tab script (from its partials/javascripts/content.html),
// as a file for a strict CSP.
(function () {
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
})();
