/* Stakeholder grid (network/care/stakeholder_grid.html): drag a partner to another cell.
   Progressive enhancement: without this module every partner is a link to its rating form;
   with it, a drop posts the new relevance and influence to that same form endpoint
   (Accept: application/json) and reloads the server-drawn grid. Keyboard and screen-reader
   users keep the links and the table. Loaded as a module from our own static files (CSP). */
const svg = document.querySelector("svg.sh-grid[data-editable]");
const status = document.querySelector("[data-sh-status]");
const csrf = document.querySelector("[data-sh-csrf] input[name=csrfmiddlewaretoken]");

function toSvg(event) {
  const point = svg.createSVGPoint();
  point.x = event.clientX;
  point.y = event.clientY;
  return point.matrixTransform(svg.getScreenCTM().inverse());
}

function cellAt(point) {
  const left = Number(svg.dataset.left), top = Number(svg.dataset.top);
  const width = Number(svg.dataset.cellW), height = Number(svg.dataset.cellH);
  const influence = Math.floor((point.x - left) / width) + 1;
  const relevance = 5 - Math.floor((point.y - top) / height);
  if (influence < 1 || influence > 5 || relevance < 1 || relevance > 5) { return null; }
  return { relevance, influence };
}

function highlight(cell) {
  svg.querySelectorAll(".sh-cell--target").forEach((rect) => rect.classList.remove("sh-cell--target"));
  if (cell) {
    const rect = svg.querySelector(
      `.sh-cell[data-relevance="${cell.relevance}"][data-influence="${cell.influence}"]`);
    if (rect) { rect.classList.add("sh-cell--target"); }
  }
}

async function save(item, cell) {
  const body = new FormData();
  body.append("csrfmiddlewaretoken", csrf.value);
  body.append("relevance", cell.relevance);
  body.append("influence", cell.influence);
  body.append("interest", item.dataset.interest || "");
  const response = await fetch(item.getAttribute("href"), {
    method: "POST", body, credentials: "same-origin",
    headers: { Accept: "application/json", "X-CSRFToken": csrf.value },
  });
  if (!response.ok) { throw new Error(String(response.status)); }
  return response.json();
}

if (svg && csrf) {
  let drag = null;
  svg.querySelectorAll("a.sh-item").forEach((item) => {
    item.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) { return; }
      drag = { item, start: toSvg(event), moved: false, pointer: event.pointerId };
    });
    item.addEventListener("click", (event) => {
      if (item.dataset.dragged) { event.preventDefault(); delete item.dataset.dragged; }
    });
  });
  svg.addEventListener("pointermove", (event) => {
    if (!drag || event.pointerId !== drag.pointer) { return; }
    const point = toSvg(event);
    const dx = point.x - drag.start.x, dy = point.y - drag.start.y;
    if (!drag.moved && Math.hypot(dx, dy) < 6) { return; }
    if (!drag.moved) {
      drag.moved = true;
      svg.setPointerCapture(event.pointerId);
      drag.item.classList.add("sh-item--dragging");
    }
    event.preventDefault();
    drag.item.setAttribute("transform", `translate(${dx} ${dy})`);
    highlight(cellAt(point));
  });
  const finish = async (event) => {
    if (!drag || event.pointerId !== drag.pointer) { return; }
    const { item, moved } = drag;
    drag = null;
    if (!moved) { return; }
    item.dataset.dragged = "1";
    item.classList.remove("sh-item--dragging");
    const cell = cellAt(toSvg(event));
    highlight(null);
    const same = cell && String(cell.relevance) === item.dataset.relevance
      && String(cell.influence) === item.dataset.influence;
    if (!cell || same || event.type === "pointercancel") { item.removeAttribute("transform"); return; }
    try {
      await save(item, cell);
      status.textContent = status.dataset.saved;
      window.location.reload();
    } catch (error) {
      item.removeAttribute("transform");
      status.textContent = status.dataset.failed;
    }
  };
  svg.addEventListener("pointerup", finish);
  svg.addEventListener("pointercancel", finish);
}
