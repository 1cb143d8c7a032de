// Rows of Django formsets. Each [data-formset] holds its rows, a <template> of an empty row
// (prefix __prefix__) and a button, hidden until this script runs (without JavaScript the page
// offers one blank row per formset instead).
// - "Add another" appends a row from the template.
// - Where the formset can be ordered (an ORDER field in each row), each row gets "Move up" and
//   "Move down" buttons; moving a row renumbers the ORDER fields in the rows' new order, which
//   is what the server reads. Without JavaScript the ORDER fields are typed in.
const t = (set, key, fallback) => set.dataset[key] || fallback;

function renumber(rows) {
  let position = 1;
  rows.querySelectorAll(":scope > .formset-row").forEach((row) => {
    const order = row.querySelector('input[name$="-ORDER"]');
    const legend = row.querySelector(":scope > legend");
    if (legend) legend.textContent = String(position);
    if (order) order.value = String(position);
    position += 1;
  });
}

function addMoveButtons(set, rows, row) {
  const order = row.querySelector('input[name$="-ORDER"]');
  if (!order || row.querySelector("[data-move]")) return;
  const wrapper = order.closest("[data-order]");
  if (wrapper) wrapper.hidden = true;
  const tools = row.querySelector(".row-tools") || row;
  [
    ["up", t(set, "moveUp", "Move up")],
    ["down", t(set, "moveDown", "Move down")],
  ].forEach(([direction, label]) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "secondary";
    button.dataset.move = direction;
    button.textContent = label;
    button.addEventListener("click", () => {
      const sibling = direction === "up" ? row.previousElementSibling : row.nextElementSibling;
      if (!sibling || !sibling.classList.contains("formset-row")) return;
      if (direction === "up") sibling.before(row);
      else sibling.after(row);
      renumber(rows);
      button.focus();
    });
    tools.prepend(button);
  });
  tools.prepend(tools.querySelector('[data-move="down"]'));
  tools.prepend(tools.querySelector('[data-move="up"]'));
}

document.querySelectorAll("[data-formset]").forEach((set) => {
  const name = set.dataset.formset;
  const total = set.querySelector(`input[name="${name}-TOTAL_FORMS"]`);
  const template = set.querySelector("template[data-formset-template]");
  const rows = set.querySelector("[data-formset-rows]");
  const button = set.querySelector("[data-formset-add]");
  if (!total || !template || !rows || !button) return;
  rows.querySelectorAll(":scope > .formset-row").forEach((row) => addMoveButtons(set, rows, row));
  button.hidden = false;
  button.addEventListener("click", () => {
    const index = Number(total.value);
    const html = template.innerHTML.replaceAll("__prefix__", String(index));
    rows.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    const added = rows.lastElementChild;
    const legend = added.querySelector("legend");
    if (legend) legend.textContent = String(index + 1);
    addMoveButtons(set, rows, added);
    if (added.querySelector('input[name$="-ORDER"]')) renumber(rows);
    const first = added.querySelector("input:not([type=hidden]), textarea, select");
    if (first) first.focus();
  });
});

// Agenda items added on the page can take decisions and action points before anything is
// saved: each added row offers itself ("new-<row>", the key the server reads) in every
// agenda-item choice, labelled by its title as it is typed.
const items = document.querySelector('[data-formset="agenda_items"]');
if (items) {
  const label = (index, title) =>
    title ? `${index + 1}. ${title}` : t(items, "newItem", "New agenda item __n__").replace("__n__", String(index + 1));
  const choices = () => [
    ...document.querySelectorAll('select[name$="-agenda_item"]'),
    ...[...document.querySelectorAll("template[data-formset-template]")].flatMap((tpl) => [
      ...tpl.content.querySelectorAll('select[name$="-agenda_item"]'),
    ]),
  ];
  const offer = (index, title) => {
    choices().forEach((select) => {
      let option = select.querySelector(`option[value="new-${index}"]`);
      if (!option) {
        option = document.createElement("option");
        option.value = `new-${index}`;
        select.append(option);
      }
      option.textContent = label(index, title);
    });
  };
  items.addEventListener("input", (event) => {
    const match = /^agenda_items-(\d+)-title$/.exec(event.target.name || "");
    if (!match) return;
    const index = Number(match[1]);
    // Only rows added here: an extracted item keeps the key and label it was read with.
    const source = items.querySelector(`input[name="agenda_items-${index}-source"]`);
    if (source && source.value) return;
    offer(index, event.target.value.trim());
  });
  const add = items.querySelector("[data-formset-add]");
  const total = items.querySelector('input[name="agenda_items-TOTAL_FORMS"]');
  if (add && total) add.addEventListener("click", () => offer(Number(total.value) - 1, ""));
}
