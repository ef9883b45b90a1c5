// Loads a govgraph Cytoscape.js export with the cytoscape package, headless, and
// checks its counts. Usage: node check.js GRAPH.cytoscape.json NODES EDGES
"use strict";
const fs = require("fs");
const cytoscape = require("cytoscape");

const [file, nodes, edges] = process.argv.slice(2);
const doc = JSON.parse(fs.readFileSync(file, "utf8"));
const cy = cytoscape({ headless: true, styleEnabled: false, elements: doc.elements });
const got = [cy.nodes().length, cy.edges().length];
const want = [Number(nodes), Number(edges)];
if (got[0] !== want[0] || got[1] !== want[1]) {
  console.error(`cytoscape: got ${got[0]} nodes and ${got[1]} edges, expected ${want[0]} and ${want[1]}`);
  process.exit(1);
}
for (const e of cy.edges()) {
  if (e.source().empty() || e.target().empty()) {
    console.error(`cytoscape: edge ${e.id()} has a missing end`);
    process.exit(1);
  }
}
const huang = cy.getElementById("person:黄伟");
if (huang.nonempty() && huang.data("kind") !== "person") {
  console.error("cytoscape: person:黄伟 lost its kind");
  process.exit(1);
}
console.log(`cytoscape: ${got[0]} nodes, ${got[1]} edges loaded`);
