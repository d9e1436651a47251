// The network map's progressive layer (familiennetz/network): details of a partner on hover or
// focus, and the filter form applied at once in the page. Without this script the map is the
// same SVG and the filter form reloads the page (server-side filtering).
const svg = document.querySelector("svg.network-map");
const form = document.querySelector("[data-network-filters]");
const strings = document.getElementById("network-strings")?.dataset ?? {};

if (svg) {
  const nodes = [...svg.querySelectorAll(".node-link")];
  const edges = [...svg.querySelectorAll(".edge")];
  const byId = new Map(nodes.map((n) => [n.dataset.id, n]));
  const panel = document.querySelector("[data-network-details]");
  const body = document.querySelector("[data-network-details-body]");

  const neighbours = (id) =>
    edges
      .filter((e) => !e.classList.contains("is-hidden") && (e.dataset.source === id || e.dataset.target === id))
      .map((e) => byId.get(e.dataset.source === id ? e.dataset.target : e.dataset.source))
      .filter(Boolean);

  const show = (node) => {
    const id = node.dataset.id;
    svg.classList.add("has-focus");
    edges.forEach((e) => e.classList.toggle("is-near", e.dataset.source === id || e.dataset.target === id));
    nodes.forEach((n) => n.classList.toggle("is-selected", n === node));
    if (!panel || !body) return;
    body.replaceChildren();
    const title = document.createElement("p");
    const strong = document.createElement("strong");
    strong.textContent = node.dataset.label;
    title.append(strong);
    const facts = document.createElement("p");
    facts.textContent = `${strings.sector}: ${node.dataset.sectorName || "–"} · ${strings.ties}: ${node.dataset.degree}`;
    const near = document.createElement("p");
    const names = [...new Set(neighbours(id).map((n) => n.dataset.label))];
    near.textContent = `${strings.with}: ${names.length ? names.join(", ") : strings.none}`;
    const link = document.createElement("a");
    link.href = node.getAttribute("href");
    link.textContent = strings.open;
    body.append(title, facts, near, link);
    panel.hidden = false;
  };
  const clear = () => {
    svg.classList.remove("has-focus");
    edges.forEach((e) => e.classList.remove("is-near"));
  };
  nodes.forEach((node) => {
    node.addEventListener("mouseenter", () => show(node));
    node.addEventListener("focus", () => show(node));
    node.addEventListener("mouseleave", clear);
  });

  const apply = () => {
    if (!form) return;
    const data = new FormData(form);
    const sector = data.get("sektor") || "";
    const role = data.get("rolle") || "";
    const intensity = data.get("intensitaet");
    const topic = (data.get("thema") || "").trim().toLowerCase();
    const derived = data.get("abgeleitet") !== "nein";
    const visible = new Set();
    nodes.forEach((n) => {
      const ok = (!sector || n.dataset.sector === sector) && (!role || n.dataset.role === role);
      if (ok) visible.add(n.dataset.id);
    });
    const touched = new Set();
    edges.forEach((e) => {
      let ok = visible.has(e.dataset.source) && visible.has(e.dataset.target);
      if (e.dataset.kind === "derived") ok = ok && derived && !topic;
      else {
        if (intensity !== null && intensity !== "") ok = ok && Number(e.dataset.intensity) >= Number(intensity);
        if (topic) ok = ok && e.dataset.topics.toLowerCase().includes(topic);
      }
      e.classList.toggle("is-hidden", !ok);
      if (ok) { touched.add(e.dataset.source); touched.add(e.dataset.target); }
    });
    let shown = 0;
    nodes.forEach((n) => {
      const ok = visible.has(n.dataset.id) && (!topic || touched.has(n.dataset.id));
      n.classList.toggle("is-hidden", !ok);
      if (ok) shown += 1;
    });
    const count = document.querySelector("[data-network-count]");
    if (count) count.textContent = `${shown} / ${nodes.length} ${strings.shown}`;
  };
  form?.addEventListener("change", apply);
  form?.addEventListener("input", (event) => { if (event.target.name === "thema") apply(); });
}
