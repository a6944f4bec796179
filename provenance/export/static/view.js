// The interactive provenance graph page (provenance/export/html.py inlines this file).
// Reads the graph from the JSON script tag, draws it with cytoscape.js and shows a
// node's or an edge's claims and evidence on click. Text reaches the page only
// through textContent, never innerHTML, so names cannot inject markup.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("provenance-data").textContent);
  var details = document.getElementById("details");

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function addField(list, name, values) {
    if (values === undefined || values === null) {
      return;
    }
    if (!Array.isArray(values)) {
      values = [values];
    }
    if (values.length === 0) {
      return;
    }
    list.appendChild(element("dt", name));
    var cell = element("dd");
    if (values.length === 1) {
      cell.textContent = String(values[0]);
    } else {
      var items = element("ul");
      values.forEach(function (value) {
        items.appendChild(element("li", value));
      });
      cell.appendChild(items);
    }
    list.appendChild(cell);
  }

  function showPanel(heading, fields) {
    details.replaceChildren();
    details.appendChild(element("h2", heading));
    var list = element("dl");
    fields.forEach(function (field) {
      addField(list, field[0], field[1]);
    });
    details.appendChild(list);
  }

  function claimTexts(claims) {
    return (claims || []).map(function (claim) {
      return claim.text;
    });
  }

  function evidenceTexts(evidence) {
    return (evidence || []).map(function (item) {
      return item.article + ": characters " + item.start + "\u2013" + item.end;
    });
  }

  var names = {};
  data.nodes.forEach(function (node) {
    names[node.id] = node.name;
  });

  var elements = [];
  data.nodes.forEach(function (node) {
    elements.push({ group: "nodes", data: node, position: { x: node.x, y: node.y } });
  });
  data.edges.forEach(function (edge) {
    elements.push({ group: "edges", data: edge });
  });

  var cy = cytoscape({
    container: document.getElementById("graph"),
    elements: elements,
    layout: { name: "preset" },
    minZoom: 0.02,
    maxZoom: 4,
    style: [
      {
        selector: "node",
        style: {
          label: "data(label)",
          "background-color": "data(fill)",
          shape: "data(shape)",
          width: 26,
          height: 26,
          "border-width": 1,
          "border-color": "#333",
          "font-size": 11,
          "text-valign": "bottom",
          "text-margin-y": 3,
          "text-wrap": "wrap",
          "text-max-width": "150px"
        }
      },
      {
        selector: "edge",
        style: {
          label: "data(label)",
          "curve-style": "bezier",
          "target-arrow-shape": "triangle",
          width: "data(width)",
          "line-color": "#888",
          "target-arrow-color": "#888",
          "font-size": 9,
          color: "#444",
          "text-rotation": "autorotate",
          "text-background-color": "#fff",
          "text-background-opacity": 0.8
        }
      },
      {
        selector: "edge[?uncredited]",
        style: { "line-style": "dashed", "line-color": "#d62728", "target-arrow-color": "#d62728", color: "#d62728" }
      },
      {
        selector: "edge[relation = 'affiliated_with']",
        style: { "line-style": "dotted", "target-arrow-shape": "none" }
      },
      { selector: ".faded", style: { opacity: 0.12 } },
      {
        selector: ":selected",
        style: { "border-width": 3, "border-color": "#000", "line-color": "#000", "target-arrow-color": "#000" }
      }
    ]
  });

  cy.on("tap", "node", function (event) {
    var node = event.target.data();
    var incoming = event.target.incomers("edge").map(function (edge) {
      return names[edge.data("source")] + " \u2192 " + edge.data("label");
    });
    var outgoing = event.target.outgoers("edge").map(function (edge) {
      return edge.data("label") + " \u2192 " + names[edge.data("target")];
    });
    var claims = {};
    event.target.connectedEdges().forEach(function (edge) {
      (edge.data("claims") || []).forEach(function (claim) {
        claims[claim.id] = claim.text;
      });
    });
    showPanel(node.name, [
      ["kind", node.kind],
      ["roles", node.roles],
      ["affiliations", node.affiliations],
      ["aliases", node.aliases],
      ["received from", incoming],
      ["passed to", outgoing],
      ["claims", Object.keys(claims).sort().map(function (key) { return claims[key]; })],
      ["articles", node.article_ids]
    ]);
  });

  cy.on("tap", "edge", function (event) {
    var edge = event.target.data();
    showPanel(names[edge.source] + " \u2192 " + names[edge.target], [
      ["relation", edge.relation],
      ["cues", edge.cues],
      ["credited", edge.credited === undefined ? undefined : (edge.credited ? "yes" : "no")],
      ["quote", edge.quote ? "yes" : "no"],
      ["claims", claimTexts(edge.claims)],
      ["evidence", evidenceTexts(edge.evidence)],
      ["first seen", edge.first_date],
      ["last seen", edge.last_date],
      ["articles", edge.articles]
    ]);
  });

  document.getElementById("search").addEventListener("input", function (event) {
    var query = event.target.value.trim().toLowerCase();
    cy.batch(function () {
      cy.elements().removeClass("faded");
      if (!query) {
        return;
      }
      var matches = cy.nodes().filter(function (node) {
        return node.data("name").toLowerCase().indexOf(query) >= 0;
      });
      cy.elements().not(matches.closedNeighborhood()).addClass("faded");
    });
  });

  document.getElementById("layout").addEventListener("change", function (event) {
    var name = event.target.value;
    var options = { name: name, animate: false, fit: true };
    if (name === "preset") {
      options.positions = function (node) {
        return { x: node.data("x"), y: node.data("y") };
      };
    }
    cy.layout(options).run();
  });

  var legend = document.getElementById("legend");
  data.kinds.forEach(function (kind) {
    var item = element("li");
    var swatch = element("span", null, "swatch");
    swatch.style.backgroundColor = kind.fill;
    item.appendChild(swatch);
    item.appendChild(document.createTextNode(kind.kind));
    legend.appendChild(item);
  });
  document.getElementById("counts").textContent =
    data.nodes.length + " sources, " + data.edges.length + " links";
  window.provenanceGraph = cy; // for the browser console: provenanceGraph.nodes().length
  document.body.setAttribute("data-ready", "yes");
})();
