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
  const operations = document.querySelector("[data-operations] .n");

  function apply() {
    const words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    const api = apiSelect ? apiSelect.value : "";
    const wanted = new Set(cards.filter((c) => c.getAttribute("aria-pressed") === "true").map((c) => c.dataset.category));
    const matching = new Map(cards.map((c) => [c.dataset.category, 0]));
    let visible = 0;
    for (const row of rows) {
      const matches = (api === "" || row.dataset.api === api) && words.every((w) => row.dataset.search.includes(w));
      if (matches) matching.set(row.dataset.category, (matching.get(row.dataset.category) || 0) + 1);
      const show = matches && wanted.has(row.dataset.category);
      row.hidden = !show;
      if (show) visible++;
    }
    for (const group of groups) group.hidden = !group.querySelector("tr.variant:not([hidden])");
    for (const card of cards) card.querySelector(".n").textContent = String(matching.get(card.dataset.category) || 0);
    if (total) total.textContent = String(visible);
    if (operations) operations.textContent = String(groups.filter((g) => !g.hidden).length);
    shown.textContent = visible === rows.length ? rows.length + " error variants" : visible + " of " + rows.length + " error variants";
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
