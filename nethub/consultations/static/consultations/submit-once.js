// A form marked data-submit-once is sent once: the first submit disables its buttons (after
// the browser has read the form, so the submitted data is complete) and later submits are
// ignored. The server also refuses a second post of the same form (its one-time token).
document.querySelectorAll("form[data-submit-once]").forEach((form) => {
  form.addEventListener("submit", (event) => {
    if (form.dataset.submitted) {
      event.preventDefault();
      return;
    }
    form.dataset.submitted = "1";
    window.setTimeout(() => {
      form.querySelectorAll("button[type=submit], input[type=submit]").forEach((button) => {
        button.disabled = true;
        button.setAttribute("aria-disabled", "true");
      });
    }, 0);
  });
});
