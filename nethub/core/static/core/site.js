// The site's own behaviour, in a file: the Content-Security-Policy allows no inline script.
// A <select data-autosubmit> submits its form when changed (the language menu).
document.addEventListener("change", function (event) {
  var target = event.target;
  if (target instanceof HTMLSelectElement && target.hasAttribute("data-autosubmit") && target.form) {
    target.form.submit();
  }
});
