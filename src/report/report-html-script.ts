// The report page's only script: filters rows by category, API and text. It reads the rows'
// data-* attributes (spec text arrives there HTML-escaped), so no spec text is ever inside
// this script, and the page still shows every row with scripts disabled.
export const REPORT_SCRIPT = `
(() => {
  const search = document.getElementById("search");
  const apiSelect = document.getElementById("api");
  const shown = document.getElementById("shown");
  const empty = document.getElementById("empty");
  const cards = [...document.querySelectorAll("button.card[data-category]")];
  const groups = [...document.querySelectorAll("tbody.op")];
  const rows = [...document.querySelectorAll("tr.variant")];
  const total = document.querySelector("[data-total] .n");
  const operationsCard = document.querySelector(".card[data-operations]");
  // A row stands for its group's operations (data-weight); the unfiltered count of operations
  // includes those that document no error, which have no row.
  const weight = (el, key) => Number(el.dataset[key] || 1);
  const allVariants = rows.reduce((n, row) => n + weight(row, "weight"), 0);

  function apply() {
    const words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    const api = apiSelect ? apiSelect.value : "";
    const wanted = new Set(cards.filter((c) => c.getAttribute("aria-pressed") === "true").map((c) => c.dataset.category));
    const matching = new Map(cards.map((c) => [c.dataset.category, 0]));
    let visible = 0;
    const filtered = words.length > 0 || api !== "" || wanted.size < cards.length;
    for (const row of rows) {
      const matches = (api === "" || row.dataset.api === api) && words.every((w) => row.dataset.search.includes(w));
      if (matches) matching.set(row.dataset.category, (matching.get(row.dataset.category) || 0) + weight(row, "weight"));
      const show = matches && wanted.has(row.dataset.category);
      row.hidden = !show;
      if (show) visible += weight(row, "weight");
    }
    for (const group of groups) group.hidden = !group.querySelector("tr.variant:not([hidden])");
    for (const card of cards) card.querySelector(".n").textContent = String(matching.get(card.dataset.category) || 0);
    if (total) total.textContent = String(visible);
    if (operationsCard) {
      const inGroups = groups.filter((g) => !g.hidden).reduce((n, g) => n + weight(g, "opCount"), 0);
      operationsCard.querySelector(".n").textContent = String(filtered ? inGroups : operationsCard.dataset.operations);
    }
    shown.textContent = visible === allVariants ? allVariants + " error variants" : visible + " of " + allVariants + " error variants";
    empty.hidden = visible > 0;
  }

  for (const card of cards) {
    card.addEventListener("click", () => {
      card.setAttribute("aria-pressed", card.getAttribute("aria-pressed") === "true" ? "false" : "true");
      apply();
    });
  }
  search.addEventListener("input", apply);
  if (apiSelect) apiSelect.addEventListener("change", apply);
  document.addEventListener("keydown", (event) => {
    if (event.key === "/" && document.activeElement !== search) {
      event.preventDefault();
      search.focus();
    }
  });
  apply();
})();
`;
