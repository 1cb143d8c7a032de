// "Add another" for Django formsets: each [data-formset] holds its rows, a <template> of an
// empty row (prefix __prefix__) and a button, hidden until this script runs (without
// JavaScript the page offers one blank row per formset instead).
document.querySelectorAll("[data-formset]").forEach((set) => {
  const name = set.dataset.formset;
  const total = set.querySelector(`input[name="${name}-TOTAL_FORMS"]`);
  const template = set.querySelector("template[data-formset-template]");
  const rows = set.querySelector("[data-formset-rows]");
  const button = set.querySelector("[data-formset-add]");
  if (!total || !template || !rows || !button) return;
  button.hidden = false;
  button.addEventListener("click", () => {
    const index = Number(total.value);
    const html = template.innerHTML.replaceAll("__prefix__", String(index));
    rows.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    const legend = rows.lastElementChild.querySelector("legend");
    if (legend) legend.textContent = String(index + 1);
    const first = rows.lastElementChild.querySelector("input:not([type=hidden]), textarea, select");
    if (first) first.focus();
  });
});
