// The script of the exported HTML page: pan and zoom the SVG, select what is clicked, and show
// its properties and findings. It reads the diagram from the page's JSON and writes text only.
(function () {
  "use strict";
  const data = JSON.parse(document.querySelector("script.sd-data").textContent);
  const view = document.querySelector(".sd-view");
  const svg = view.querySelector("svg");
  const panel = document.querySelector(".sd-panel");
  const items = data.items;
  const findings = data.findings;
  const groups = new Map();
  let selected = null;

  function make(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  // Graphviz groups carry the element and connection ids; give each a hit area.
  const svgNs = "http://www.w3.org/2000/svg";
  for (const g of svg.querySelectorAll("g[id]")) {
    if (!Object.prototype.hasOwnProperty.call(items, g.id) || groups.has(g.id)) continue;
    groups.set(g.id, g);
    g.classList.add("sd-item");
    if (g.classList.contains("edge")) {
      for (const path of g.querySelectorAll("path")) {
        const hit = path.cloneNode(false);
        hit.setAttribute("class", "sd-edge-hit");
        g.insertBefore(hit, g.firstChild);
      }
    } else {
      const box = g.getBBox();
      const hit = document.createElementNS(svgNs, "rect");
      hit.setAttribute("class", "sd-hit");
      hit.setAttribute("x", box.x);
      hit.setAttribute("y", box.y);
      hit.setAttribute("width", box.width);
      hit.setAttribute("height", box.height);
      g.insertBefore(hit, g.firstChild);
    }
  }

  // Pan and zoom by moving the SVG's viewBox.
  const initial = svg.viewBox.baseVal;
  const home = { x: initial.x, y: initial.y, width: initial.width, height: initial.height };
  let box = Object.assign({}, home);
  svg.removeAttribute("width");
  svg.removeAttribute("height");

  function apply() {
    svg.setAttribute("viewBox", [box.x, box.y, box.width, box.height].join(" "));
  }

  function toSvg(clientX, clientY) {
    const point = svg.createSVGPoint();
    point.x = clientX;
    point.y = clientY;
    return point.matrixTransform(svg.getScreenCTM().inverse());
  }

  function zoom(factor, clientX, clientY) {
    const rect = view.getBoundingClientRect();
    const at = toSvg(clientX === undefined ? rect.left + rect.width / 2 : clientX,
                     clientY === undefined ? rect.top + rect.height / 2 : clientY);
    const width = Math.min(Math.max(box.width / factor, home.width / 40), home.width * 8);
    const scale = width / box.width;
    box = { x: at.x - (at.x - box.x) * scale, y: at.y - (at.y - box.y) * scale,
            width: width, height: box.height * scale };
    apply();
  }

  view.addEventListener("wheel", function (event) {
    event.preventDefault();
    zoom(Math.exp(-event.deltaY * 0.0015), event.clientX, event.clientY);
  }, { passive: false });

  let drag = null;
  view.addEventListener("pointerdown", function (event) {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, box: Object.assign({}, box), moved: false,
             target: event.target };
    view.setPointerCapture(event.pointerId);
  });
  view.addEventListener("pointermove", function (event) {
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    drag.moved = true;
    view.classList.add("sd-panning");
    const ctm = svg.getScreenCTM();
    box.x = drag.box.x - dx / ctm.a;
    box.y = drag.box.y - dy / ctm.d;
    apply();
  });
  view.addEventListener("pointerup", function (event) {
    if (!drag) return;
    const wasClick = !drag.moved;
    const target = drag.target;
    drag = null;
    view.classList.remove("sd-panning");
    view.releasePointerCapture(event.pointerId);
    if (wasClick) {
      const g = target.closest ? target.closest("g.sd-item") : null;
      select(g ? g.id : null);
    }
  });

  document.querySelector(".sd-zoom-in").addEventListener("click", function () { zoom(1.25); });
  document.querySelector(".sd-zoom-out").addEventListener("click", function () { zoom(0.8); });
  document.querySelector(".sd-fit").addEventListener("click", function () {
    box = Object.assign({}, home);
    apply();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") select(null);
    if (event.key === "+" || event.key === "=") zoom(1.25);
    if (event.key === "-") zoom(0.8);
    if (event.key === "0") document.querySelector(".sd-fit").click();
  });

  function findingItem(index, linkToElement) {
    const f = findings[index];
    const li = make("li", "sd-" + f.severity);
    li.appendChild(make("span", "sd-rule", f.rule));
    li.appendChild(make("span", "sd-severity sd-muted",
                        f.severity + (f.suppressed ? ", suppressed" : "")));
    li.appendChild(make("div", "sd-message", f.message));
    if (linkToElement && f.elements.length > 0 && groups.has(f.elements[0])) {
      li.classList.add("sd-link");
      li.addEventListener("click", function () { select(f.elements[0]); });
    }
    return li;
  }

  function showOverview() {
    panel.replaceChildren();
    panel.appendChild(make("h2", "sd-name", data.name || "Skydraft diagram"));
    panel.appendChild(make("p", "sd-muted",
                           "Click an element, a box or a line to see its properties and findings. " +
                           "Drag to pan, use the wheel or + and \u2212 to zoom."));
    panel.appendChild(make("h3", null, "Findings"));
    if (findings.length === 0) {
      panel.appendChild(make("p", "sd-none", "No problems found."));
      return;
    }
    const list = make("ul", "sd-findings");
    findings.forEach(function (_, index) { list.appendChild(findingItem(index, true)); });
    panel.appendChild(list);
  }

  function showItem(id) {
    const item = items[id];
    panel.replaceChildren();
    panel.appendChild(make("h2", "sd-name", item.name || id));
    panel.appendChild(make("div", "sd-kind", item.kind + " \u00b7 " + id));
    if (item.type === "connection") {
      panel.appendChild(make("div", "sd-inside", "from " + item.from + " to " + item.to));
    } else if (item.inside) {
      panel.appendChild(make("div", "sd-inside", "in " + item.inside));
    }
    if (item.reach) panel.appendChild(make("div", "sd-reach", item.reach));

    panel.appendChild(make("h3", null, "Findings"));
    if (item.findings.length === 0) {
      panel.appendChild(make("p", "sd-none sd-muted", "None."));
    } else {
      const list = make("ul", "sd-findings");
      for (const index of item.findings) list.appendChild(findingItem(index, false));
      panel.appendChild(list);
    }

    panel.appendChild(make("h3", null, "Properties"));
    if (item.properties.length === 0) {
      panel.appendChild(make("p", "sd-muted", "None."));
    } else {
      const table = make("table", "sd-props");
      for (const row of item.properties) {
        const tr = make("tr");
        tr.appendChild(make("th", null, row[0]));
        tr.appendChild(make("td", null, row[1]));
        table.appendChild(tr);
      }
      panel.appendChild(table);
    }
    if (item.tags) {
      panel.appendChild(make("h3", null, "Tags"));
      const table = make("table", "sd-props sd-tags");
      for (const key of Object.keys(item.tags)) {
        const tr = make("tr");
        tr.appendChild(make("th", null, key));
        tr.appendChild(make("td", null, item.tags[key]));
        table.appendChild(tr);
      }
      panel.appendChild(table);
    }
  }

  function select(id) {
    if (selected) groups.get(selected).classList.remove("sd-selected");
    selected = id && groups.has(id) ? id : null;
    if (selected) {
      groups.get(selected).classList.add("sd-selected");
      showItem(selected);
    } else {
      showOverview();
    }
  }

  let errors = 0, warnings = 0, infos = 0;
  for (const f of findings) {
    if (f.suppressed) continue;
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
    else infos++;
  }
  document.querySelector(".sd-counts").textContent =
    plural(Object.keys(items).length, "item") + " \u00b7 " + plural(errors, "error") + ", " +
    plural(warnings, "warning") + ", " + plural(infos, "info");
  apply();
  showOverview();
})();
