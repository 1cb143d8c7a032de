// The site's own behaviour, in a file: the Content-Security-Policy allows no inline script.
// A <select data-autosubmit> submits its form when changed (the language menu).
document.addEventListener("change", function (event) {
  var target = event.target;
  if (target instanceof HTMLSelectElement && target.hasAttribute("data-autosubmit") && target.form) {
    target.form.submit();
  }
});

// A form marked data-submit-once is sent once: the first submit disables its buttons (after
// the browser has read the form, so the submitted data is complete) and later submits are
// ignored (a double click on "Post" or "Save"). Servers still refuse a repeated post where it
// matters (a form's one-time token, one import a file).
document.querySelectorAll("form[data-submit-once]").forEach(function (form) {
  form.addEventListener("submit", function (event) {
    if (form.dataset.submitted) {
      event.preventDefault();
      return;
    }
    form.dataset.submitted = "1";
    window.setTimeout(function () {
      form.querySelectorAll("button[type=submit], input[type=submit]").forEach(function (button) {
        button.disabled = true;
        button.setAttribute("aria-disabled", "true");
      });
    }, 0);
  });
});
