// "Add from the text" on the import review and a meeting's edit page: a person selects part of
// the document's text and adds it as an action point, a decision or an agenda item (a new row,
// filled with what the server reads of the selection: the task without its label, its owner
// and due date, the agenda item it stands under), or as participants (appended to "Add several
// participants", which is read on saving). It runs after formset.js, whose "Add" buttons make the rows.
// Without JavaScript the toolbar stays hidden and rows are typed in.
const tools = document.querySelector("[data-selection-tools]");
const source = document.querySelector("[data-source-text]");

// Offsets in characters (code points) from the start of the text, as the server counts them;
// the text's marks hold parts of the text, so the panel's text is the document's.
function offsetOf(node, offset) {
  const range = document.createRange();
  range.setStart(source, 0);
  range.setEnd(node, offset);
  return [...range.toString()].length;
}

function selected() {
  const selection = document.getSelection();
  if (!selection || !selection.rangeCount || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!source.contains(range.startContainer) || !source.contains(range.endContainer)) return null;
  const text = range.toString();
  if (!text.trim()) return null;
  return {
    range,
    text,
    start: offsetOf(range.startContainer, range.startOffset),
    end: offsetOf(range.endContainer, range.endOffset),
  };
}

function addRow(name) {
  const set = document.querySelector(`[data-formset="${name}"]`);
  set.querySelector("[data-formset-add]").click();
  return set.querySelector("[data-formset-rows]").lastElementChild;
}

function setField(row, suffix, value) {
  const field = row.querySelector(`[name$="-${suffix}"]`);
  if (!field || value === undefined || value === null) return;
  if (field.tagName === "SELECT" && ![...field.options].some((o) => o.value === value)) return;
  field.value = value;
  field.dispatchEvent(new Event("input", { bubbles: true }));
}

async function read(choice) {
  const date = document.querySelector(`input[name="${tools.dataset.dateField}"]`);
  const query = new URLSearchParams({
    start: choice.start,
    end: choice.end,
    date: date ? date.value : "",
  });
  const response = await fetch(`${tools.dataset.url}?${query}`, {
    headers: { Accept: "application/json" },
    credentials: "same-origin",
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

// The chosen text stays marked in the panel when it lies within one part of it.
function mark(range) {
  try {
    const chosen = document.createElement("mark");
    chosen.className = "chosen";
    range.surroundContents(chosen);
  } catch {
    // The selection crosses a mark: it is left as it is.
  }
}

// The DOM position of a character offset (code points) in the text. A start on the boundary
// of two parts opens the later one and an end closes the earlier one, so that a span lying
// within one part gives a range within it.
function positionAt(offset, isEnd) {
  const walker = document.createTreeWalker(source, NodeFilter.SHOW_TEXT);
  let left = offset;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const chars = [...node.data];
    if (left < chars.length || (isEnd && left === chars.length)) {
      return [node, chars.slice(0, left).join("").length];
    }
    left -= chars.length;
  }
  return null;
}

// Rows added from the text keep their span when the page comes back with an error: their
// text is marked again, as it was when it was chosen.
function markKeptSpans() {
  document.querySelectorAll('input[name$="-span"]').forEach((field) => {
    const [start, end] = field.value.split(":").map(Number);
    if (!(end > start)) return;
    const from = positionAt(start, false);
    const to = positionAt(end, true);
    if (!from || !to) return;
    const range = document.createRange();
    range.setStart(...from);
    range.setEnd(...to);
    mark(range);
  });
}

function addParticipants(choice) {
  const field = document.querySelector(`textarea[name="${tools.dataset.namesField}"]`);
  const written = field.value.trimEnd();
  field.value = `${written ? `${written}\n` : ""}${choice.text.trim()}\n`;
  field.focus();
  return tools.dataset.participants;
}

async function addRowFrom(name, choice) {
  let found;
  let message = tools.dataset.added;
  try {
    found = await read(choice);
  } catch (error) {
    found = { text: choice.text.replace(/\s+/g, " ").trim() };
    message = tools.dataset.failed.replace("%s", error.message);
  }
  const row = addRow(name);
  setField(row, "agenda_item", found.agenda_item);
  setField(row, name === "agenda_items" ? "title" : "text", found.text);
  setField(row, "owner_organization", found.owner_organization);
  setField(row, "owner", found.owner);
  // The review's field is "due", the edit page's "due_date".
  setField(row, "due", found.due);
  setField(row, "due_date", found.due);
  setField(row, "span", `${choice.start}:${choice.end}`);
  row.scrollIntoView({ block: "center" });
  row.querySelector("textarea, input:not([type=hidden])").focus();
  return message;
}

if (tools && source) {
  const buttons = [...tools.querySelectorAll("button[data-add]")];
  const status = tools.querySelector("[data-selection-status]");
  const update = () => {
    const choice = selected();
    buttons.forEach((button) => {
      button.disabled = !choice;
    });
  };
  tools.hidden = false;
  markKeptSpans();
  // A caret for the keyboard: the text can be walked and selected with the arrow keys (Shift
  // to select) as in an editor, and nothing typed, pasted, dropped or cut changes it.
  source.contentEditable = "true";
  source.spellcheck = false;
  source.setAttribute("aria-readonly", "true");
  source.setAttribute("aria-describedby", "selection-hint");
  source.addEventListener("beforeinput", (event) => event.preventDefault());
  document.addEventListener("selectionchange", update);
  buttons.forEach((button) => {
    // Pressing the button must not clear the selection it acts on.
    button.addEventListener("mousedown", (event) => event.preventDefault());
    button.addEventListener("click", async () => {
      const choice = selected();
      if (!choice) return;
      const name = button.dataset.add;
      buttons.forEach((b) => {
        b.disabled = true;
      });
      status.textContent =
        name === "participants" ? addParticipants(choice) : await addRowFrom(name, choice);
      mark(choice.range);
      document.getSelection().removeAllRanges();
      update();
    });
  });
}
