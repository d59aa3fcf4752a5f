/* case-filter.js – filters the case portal in the browser. Vendored, no dependencies.
 *
 * Progressive enhancement (themes/hub/partials/case_filters.html): without this script
 * every filter value is a link to its own pre-rendered page. With it, the GET form from the
 * page's <template> takes the place of the links; choosing a value filters the list at
 * once from the portal's data (form[data-src], a JSON script element in the small page
 * case_data.html renders), announces the number of cases in the page's status region and
 * keeps the state in the address (/case/?fas=testas&ar=2019), so the view can be reloaded,
 * bookmarked and shared. Cards are built like partials/case_card.html. If the data cannot
 * be loaded, the links come back.
 */
(function () {
  "use strict";

  var template = document.querySelector("template[data-case-filter-template]");
  var list = document.querySelector("[data-case-list]");
  if (
    !template ||
    !template.content ||
    !list ||
    !window.fetch ||
    !window.DOMParser ||
    !window.URLSearchParams ||
    !history.replaceState
  ) {
    return;
  }
  var form = template.content.querySelector("form").cloneNode(true);
  var PER_PAGE = 100;
  var links = document.querySelector("[data-filter-links]");
  var count = document.querySelector("[data-case-count]");
  var pager = document.querySelector("[data-case-pager]");
  var heading = document.querySelector("[data-case-heading]");
  var clear = form.querySelector("[data-clear]");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var level = parseInt(list.getAttribute("data-heading-level"), 10) || 2;
  var siteName = document.title.split(" – ").pop();
  var portal = form.getAttribute("action") || "/case/";

  var data = null; // {filters, cases}
  var facets = {}; // key -> {field, all, labels {value: label}, titles {value: title}}
  var loading = null;
  var matches = [];
  var shown = 0;
  var more = null;
  var announceTimer = null;

  // Swedish digit grouping with a narrow no-break space, as on the server ("4 000").
  function number(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  }

  function valuesOf(record, field) {
    var value = record[field];
    if (value === null || value === undefined || value === "") return [];
    return (Array.isArray(value) ? value : [value]).map(String);
  }

  function state() {
    var chosen = {};
    selects.forEach(function (select) {
      if (select.value) chosen[select.name] = select.value;
    });
    return chosen;
  }

  function matchesAll(record, chosen, skip) {
    for (var key in chosen) {
      if (key === skip || !facets[key]) continue;
      if (valuesOf(record, facets[key].field).indexOf(chosen[key]) < 0) return false;
    }
    return true;
  }

  function load() {
    if (!loading) {
      loading = fetch(form.getAttribute("data-src"), { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status + " " + response.url);
          return response.text();
        })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          data = JSON.parse(doc.getElementById("case-data").textContent);
          data.filters.forEach(function (facet) {
            var entry = { field: facet.field, all: facet.all, labels: {}, titles: {} };
            facet.values.forEach(function (v) {
              entry.labels[v.value] = v.label;
              entry.titles[v.value] = v.title;
            });
            facets[facet.key] = entry;
          });
        })
        .catch(function () {
          // Back to the links: every filter still works as a page of its own.
          if (form.parentNode) form.parentNode.removeChild(form);
          if (links) links.hidden = false;
          throw new Error("case-filter: no data");
        });
    }
    return loading;
  }

  // Each option shows how many cases it would give together with the other choices.
  function updateOptions(chosen) {
    selects.forEach(function (select) {
      var facet = facets[select.name];
      if (!facet) return;
      var tally = {};
      data.cases.forEach(function (record) {
        if (!matchesAll(record, chosen, select.name)) return;
        valuesOf(record, facet.field).forEach(function (value) {
          tally[value] = (tally[value] || 0) + 1;
        });
      });
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.value) return;
        var label = facet.labels[option.value] || option.value;
        var text = label + " (" + number(tally[option.value] || 0) + ")";
        if (option.textContent !== text) option.textContent = text;
      });
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function card(record) {
    var item = element("li", "card card--case");
    var title = element("h" + level, "card__title");
    var link = element("a", "", record.title);
    link.href = record.path;
    title.appendChild(link);
    item.appendChild(title);

    var organisation = facets.organisation && facets.organisation.labels[record.organisation];
    if (record.case_id || organisation || record.year) {
      var meta = element("p", "card__meta");
      if (record.case_id) meta.appendChild(element("span", "case-id", record.case_id));
      if (organisation) meta.appendChild(element("span", "", organisation));
      if (record.year) meta.appendChild(element("span", "", "Inkom " + record.year));
      item.appendChild(meta);
    }
    var phase = facets.fas && facets.fas.labels[record.phase];
    if (phase) {
      var phaseText = element("p", "card__phase", "Fas: ");
      phaseText.appendChild(element("strong", "phase phase--" + record.phase, phase));
      item.appendChild(phaseText);
    }
    if (record.summary) item.appendChild(element("p", "card__summary", record.summary));
    if (record.sdgs && record.sdgs.length) {
      var goals = record.sdgs.map(function (n) {
        return (data.goals && data.goals[n]) || String(n);
      });
      item.appendChild(element("p", "card__sdgs", "Globala mål: " + goals.join(", ")));
    }
    return item;
  }

  function showMore() {
    var first = null;
    var end = Math.min(shown + PER_PAGE, matches.length);
    var fragment = document.createDocumentFragment();
    for (var i = shown; i < end; i++) {
      var item = card(matches[i]);
      if (!first) first = item;
      fragment.appendChild(item);
    }
    list.appendChild(fragment);
    shown = end;
    updateMore();
    return first;
  }

  function updateMore() {
    if (!more) {
      more = element("button", "button button--secondary case-more-button");
      more.type = "button";
      more.addEventListener("click", function () {
        var first = showMore();
        if (first) first.querySelector("a").focus();
      });
      list.parentNode.insertBefore(more, list.nextSibling);
    }
    var left = matches.length - shown;
    more.hidden = left <= 0;
    more.textContent =
      "Visa fler case (" + number(shown) + " av " + number(matches.length) + " visas)";
  }

  function describe(chosen) {
    var parts = [];
    selects.forEach(function (select) {
      var facet = facets[select.name];
      if (chosen[select.name] && facet) parts.push(facet.labels[chosen[select.name]]);
    });
    return parts;
  }

  function announce(chosen) {
    var parts = describe(chosen);
    var text;
    if (!parts.length) {
      text = "Här finns " + number(matches.length) + " case.";
    } else if (!matches.length) {
      text = "Inga case matchar filtret (" + parts.join(", ") + ").";
    } else {
      text = number(matches.length) + " case matchar filtret (" + parts.join(", ") + ").";
    }
    // Wait until the choice settles, so that moving through a list announces once.
    clearTimeout(announceTimer);
    announceTimer = setTimeout(function () {
      if (count) count.textContent = text;
    }, 250);
  }

  function retitle(chosen) {
    var keys = Object.keys(chosen);
    var title = "Case";
    if (keys.length === 1 && facets[keys[0]]) {
      title = facets[keys[0]].titles[chosen[keys[0]]] || title;
    } else if (keys.length > 1) {
      title = "Filtrerade case";
    }
    if (heading) heading.textContent = title;
    document.title = title + " – " + siteName;
  }

  function apply() {
    var chosen = state();
    matches = data.cases.filter(function (record) {
      return matchesAll(record, chosen);
    });
    updateOptions(chosen);
    while (list.firstChild) list.removeChild(list.firstChild);
    shown = 0;
    showMore();
    if (pager && pager.parentNode) {
      pager.parentNode.removeChild(pager); // its pages list the unfiltered listing
      pager = null;
    }
    announce(chosen);
    retitle(chosen);
    var query = new URLSearchParams();
    selects.forEach(function (select) {
      if (select.value) query.append(select.name, select.value);
    });
    var text = query.toString();
    history.replaceState(history.state, "", portal + (text ? "?" + text : ""));
  }

  function ignore() {}

  // Start: the form takes the place of the links, and the data is fetched at once so that
  // the first choice filters without a wait. A state in the address wins over the page's.
  var params = new URLSearchParams(window.location.search);
  var fromAddress = selects.some(function (select) {
    return params.has(select.name);
  });
  if (fromAddress) {
    selects.forEach(function (select) {
      var wanted = params.get(select.name) || "";
      var known = Array.prototype.some.call(select.options, function (option) {
        return option.value === wanted;
      });
      select.value = known ? wanted : "";
    });
  }
  if (links) links.hidden = true;
  template.parentNode.insertBefore(form, template);
  load().catch(ignore);

  form.addEventListener("change", function () {
    load().then(apply).catch(ignore);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    load()
      .then(function () {
        apply();
        if (count) count.focus();
      })
      .catch(ignore);
  });
  if (clear) {
    clear.addEventListener("click", function () {
      selects.forEach(function (select) {
        select.value = "";
      });
      load().then(apply).catch(ignore);
    });
  }
  if (fromAddress) load().then(apply).catch(ignore);
})();
