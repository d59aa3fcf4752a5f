// Site search on /sok/ (themes/hub/search.html), the only page that loads this script.
//
// Pagefind's code and index are loaded only once the visitor uses the search box (or opens
// a link with ?q=…), and then only the index chunks a query needs. The query is kept in the
// address, so a search can be linked, shared, reloaded and reached again with Back.
//
// The build writes Pagefind indexes (see site/sitebuild/search.py): the main one (in parts
// on a big site) and a small one of the pages changed since it was made.
// /pagefind/search.json says where they are and which hits of the main index are out of
// date; those are dropped here.

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 300;
// Pagefind's ranking (pagefind.app/docs/ranking/). Swedish stemming cuts words short
// ("demens" and "dem" are both "dem"), and every indexed word that starts with the stem
// matches. termSimilarity 0: a long word that starts with the query ("demenssjukdom") is
// not ranked below a short one ("demokrati"); diacriticSimilarity, which boosts a word
// whose written form starts with the query as typed (or the query with it), is raised so
// that the word itself and its inflections and compounds come before other words that
// only share its stem's first letters.
// The title ranked by leaves out function words (sitebuild/render/pagefind.py); the one
// shown, "rubrik", does not count.
const RANKING = { termSimilarity: 0, diacriticSimilarity: 3, metaWeights: { rubrik: 0 } };
// For the main index and for each index merged into it (Pagefind's options() sets only the
// main one's).
const OPTIONS = { excerptLength: 24, ranking: RANKING };

const form = document.querySelector("[data-search]");
if (form) {
  start(form);
}

function start(form) {
  const input = form.querySelector('input[name="q"]');
  const status = document.querySelector("[data-search-status]");
  const results = document.querySelector("[data-search-results]");
  const list = results.querySelector("[data-search-list]");
  const moreRow = results.querySelector("[data-search-more-row]");
  const more = results.querySelector("[data-search-more]");
  const bundle = form.dataset.searchBundle;
  const sections = Object.entries(JSON.parse(form.dataset.searchSections || "{}"));
  const baseTitle = document.title;

  let engine = null; // a promise of {pagefind, superseded}, made on first use
  let latest = 0; // number of the latest search: answers to older ones are dropped
  let hits = [];
  let shown = new Set(); // URLs listed so far
  let listed = 0; // hits listed so far
  let typing = null;

  // The search box works: the sentence for visitors without JavaScript is not needed.
  document.querySelector("[data-search-nojs]")?.setAttribute("hidden", "");

  function load() {
    if (!engine) {
      engine = (async () => {
        const response = await fetch(`${bundle}search.json`);
        if (!response.ok) {
          throw new Error(`${bundle}search.json: ${response.status}`);
        }
        const config = await response.json();
        // The main index, which a big site has in parts, then the delta.
        const [first, ...parts] = config.main;
        const pagefind = await import(`${first}pagefind.js`);
        await pagefind.options(OPTIONS);
        for (const part of parts) {
          await pagefind.mergeIndex(part, OPTIONS);
        }
        if (config.delta) {
          await pagefind.mergeIndex(config.delta, OPTIONS);
        }
        return { pagefind, superseded: new Set(config.superseded || []) };
      })();
      engine.catch(() => {
        engine = null; // try again on the next search
      });
    }
    return engine;
  }

  function setAddress(query, how) {
    if (how === "keep") {
      return;
    }
    const url = new URL(window.location.href);
    if (query) {
      url.searchParams.set("q", query);
    } else {
      url.searchParams.delete("q");
    }
    if (url.href !== window.location.href) {
      window.history[how === "push" ? "pushState" : "replaceState"](null, "", url);
    }
  }

  async function search(text, how) {
    const query = text.trim();
    const number = ++latest;
    setAddress(query, how);
    document.title = query ? `${query} – ${baseTitle}` : baseTitle;
    if (!query) {
      results.hidden = true;
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    let answer;
    let superseded;
    try {
      const loaded = await load();
      superseded = loaded.superseded;
      answer = await loaded.pagefind.search(query);
    } catch (error) {
      if (number === latest) {
        status.textContent =
          "Sökningen kunde inte laddas. Försök igen om en stund, eller använd listan " +
          "över alla sidor nedan.";
      }
      console.error(error);
      return;
    }
    if (number !== latest || !answer) {
      return;
    }
    const ids = new Set();
    // A page that scores 0 matched only through a function word that stems like the
    // query word ("dem" for "demens", see FUNCTION_WORDS in sitebuild/render/pagefind.py).
    hits = answer.results.filter(
      (hit) =>
        hit.score > 0 && !superseded.has(hit.id) && !ids.has(hit.id) && ids.add(hit.id),
    );
    shown = new Set();
    listed = 0;
    list.replaceChildren();
    await showMore(number);
    if (number !== latest) {
      return;
    }
    results.hidden = hits.length === 0;
    status.textContent = countText(hits.length, query);
  }

  async function showMore(number) {
    const next = hits.slice(listed, listed + PAGE_SIZE);
    const pages = await Promise.all(next.map((hit) => hit.data()));
    if (number !== latest) {
      return [];
    }
    listed += next.length;
    const added = [];
    for (const page of pages) {
      if (!shown.has(page.url)) {
        shown.add(page.url);
        added.push(resultItem(page));
      }
    }
    list.append(...added);
    moreRow.hidden = listed >= hits.length;
    return added;
  }

  function sectionOf(url) {
    const found = sections.find(([path]) => url.startsWith(path));
    return found ? found[1] : "";
  }

  function resultItem(page) {
    const item = document.createElement("li");
    item.className = "search-result";
    const heading = document.createElement("h3");
    heading.className = "search-result__title";
    const link = document.createElement("a");
    link.href = page.url;
    link.textContent = page.meta?.rubrik || page.meta?.title || page.url;
    heading.append(link);
    item.append(heading);
    const section = sectionOf(page.url);
    if (section) {
      const label = document.createElement("p");
      label.className = "search-result__section";
      label.textContent = section;
      item.append(label);
    }
    const excerpt = document.createElement("p");
    excerpt.className = "search-result__excerpt";
    excerpt.append(...excerptNodes(page.excerpt));
    item.append(excerpt);
    return item;
  }

  more.addEventListener("click", async () => {
    const added = await showMore(latest);
    added[0]?.querySelector("a")?.focus();
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.clearTimeout(typing);
    search(input.value, "push");
  });

  input.addEventListener("input", () => {
    window.clearTimeout(typing);
    typing = window.setTimeout(() => search(input.value, "replace"), DEBOUNCE_MS);
  });

  // Start loading Pagefind as soon as the box is used, before the first query is typed.
  input.addEventListener("focus", () => load().catch(() => {}), { once: true });

  window.addEventListener("popstate", () => {
    const query = new URL(window.location.href).searchParams.get("q") || "";
    input.value = query;
    search(query, "keep");
  });

  const initial = new URL(window.location.href).searchParams.get("q") || "";
  if (initial.trim()) {
    input.value = initial;
    search(initial, "keep");
  }
}

// Pagefind's excerpt is page text with <mark> around the words found. The text is not
// HTML-escaped, so it is never parsed as HTML: only the marks become elements.
function excerptNodes(excerpt) {
  const nodes = [];
  let mark = null;
  for (const part of (excerpt || "").split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>") {
      mark = document.createElement("mark");
      nodes.push(mark);
    } else if (part === "</mark>") {
      mark = null;
    } else if (part) {
      if (mark) {
        mark.append(part);
      } else {
        nodes.push(document.createTextNode(part));
      }
    }
  }
  return nodes;
}

function countText(count, query) {
  if (count === 0) {
    return (
      `Inga träffar för ”${query}”. Kontrollera stavningen, prova ett annat ord ` +
      "eller använd listan över alla sidor nedan."
    );
  }
  const number = count.toLocaleString("sv-SE");
  return `${number} ${count === 1 ? "träff" : "träffar"} för ”${query}”.`;
}
