// The exported HTML page in headless Chromium: it loads nothing, clicking an element, a subnet
// box and a connection shows their properties and findings, the wheel zooms, a drag pans
// without selecting, Escape goes back to the overview. Screenshots go to SKYDRAFT_TEST_OUTPUT.
"use strict";
const assert = require("node:assert/strict");
const { execFileSync, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const puppeteer = require("puppeteer");

const skydraft = process.env.SKYDRAFT_BINARY;
const source = process.env.SKYDRAFT_SOURCE_DIR;
const output = process.env.SKYDRAFT_TEST_OUTPUT;

function exportPage(example) {
  const file = path.join(source, "examples", example + ".skydraft");
  const page = path.join(output, path.basename(example) + ".html");
  execFileSync(skydraft, ["export", "--to", "html", file, "-o", page]);
  return { diagram: JSON.parse(fs.readFileSync(file, "utf8")), page: page, file: file };
}

async function openPage(browser, file) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  const requests = [];
  const problems = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(String(error)));
  await page.goto("file://" + file, { waitUntil: "load" });
  return { page, requests, problems };
}

/// The on-screen box of the SVG group with that id.
async function boxOf(page, id) {
  const box = await page.evaluate((id) => {
    const g = Array.from(document.querySelectorAll("svg g[id]")).find((g) => g.id === id);
    if (!g) return null;
    const r = g.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, id);
  assert.ok(box, "no SVG group for " + id);
  return box;
}

async function panelText(page) {
  return page.$eval(".sd-panel", (panel) => panel.innerText);
}

async function viewBox(page) {
  return page.$eval(".sd-view svg", (svg) => svg.getAttribute("viewBox").split(" ").map(Number));
}

async function main() {
  fs.mkdirSync(output, { recursive: true });
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    // The three-tier example: an instance, a subnet box, a connection.
    const web = exportPage("three-tier-web-app");
    const { page, requests, problems } = await openPage(browser, web.page);
    assert.deepEqual(requests, ["file://" + web.page], "the page loaded something else");
    assert.deepEqual(problems, [], "console errors: " + problems.join("; "));
    let text = await panelText(page);
    assert.match(text, /Click an element/);

    const instance = web.diagram.elements.find((e) => e.kind === "ec2_instance");
    let box = await boxOf(page, instance.id);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    text = await panelText(page);
    assert.match(text, new RegExp("^" + instance.name + "\\n"), text);
    assert.ok(text.includes("EC2 instance · " + instance.id), text);
    const type = instance.properties.instance_type;
    assert.ok(type && text.includes(type), "instance type missing: " + text);
    const selected = await page.$$eval(".sd-selected", (list) => list.map((g) => g.id));
    assert.deepEqual(selected, [instance.id]);
    await page.screenshot({ path: path.join(output, "html-page-instance.png") });

    const subnet = web.diagram.elements.find((e) => e.kind === "subnet");
    box = await boxOf(page, subnet.id);
    await page.mouse.click(box.x + 6, box.y + 6);  // its corner, where no node sits
    text = await panelText(page);
    assert.match(text, new RegExp("^" + subnet.name + "\\n"), text);
    assert.ok(text.includes(subnet.properties.cidr), text);
    assert.match(text, /(Public|Private|VPN-only) subnet/);

    if (web.diagram.connections.length > 0) {
      const connection = web.diagram.connections[0];
      const point = await page.evaluate((id) => {
        const g = Array.from(document.querySelectorAll("svg g[id]")).find((g) => g.id === id);
        const path = g.querySelector("path:not(.sd-edge-hit)");
        const at = path.getPointAtLength(path.getTotalLength() / 2);
        const screen = at.matrixTransform(path.getScreenCTM());
        return { x: screen.x, y: screen.y };
      }, connection.id);
      await page.mouse.click(point.x, point.y);
      text = await panelText(page);
      assert.ok(text.includes(connection.id), "connection not selected: " + text);
      assert.match(text, /^from .* to /m);
    }

    // Zoom at the pointer, pan by dragging (which selects nothing), Escape.
    const before = await viewBox(page);
    const view = await page.$eval(".sd-view", (v) => {
      const r = v.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.move(view.x, view.y);
    await page.mouse.wheel({ deltaY: -400 });
    const zoomed = await viewBox(page);
    assert.ok(zoomed[2] < before[2] * 0.7, "the wheel did not zoom in: " + zoomed);
    await page.keyboard.press("Escape");
    await page.mouse.move(view.x, view.y);
    await page.mouse.down();
    await page.mouse.move(view.x - 200, view.y - 100, { steps: 5 });
    await page.mouse.up();
    const panned = await viewBox(page);
    assert.ok(panned[0] > zoomed[0] && panned[1] > zoomed[1], "the drag did not pan: " + panned);
    assert.match(await panelText(page), /Click an element/, "a drag selected something");
    await page.click(".sd-fit");
    assert.deepEqual(await viewBox(page), before);
    await page.close();

    // The planted faults: an element's findings, and the overview's list leading to it.
    const faults = exportPage("faulty/planted-faults");
    const opened = await openPage(browser, faults.page);
    assert.deepEqual(opened.problems, []);
    // (validate exits 1: the file has errors)
    const report = JSON.parse(spawnSync(skydraft, ["validate", "--format", "json", faults.file],
                                        { encoding: "utf8" }).stdout);
    const finding = report.findings.find((f) => !f.suppressed);
    const subject = finding.elements[0];
    await opened.page.screenshot({ path: path.join(output, "html-page-overview.png") });
    text = await panelText(opened.page);
    assert.ok(text.includes(finding.rule) && text.includes(finding.message), text);
    box = await boxOf(opened.page, subject);
    await opened.page.mouse.click(box.x + 6, box.y + 6);
    text = await panelText(opened.page);
    assert.ok(text.includes(subject), "not selected: " + text);
    const listed = await opened.page.$$eval(".sd-panel .sd-findings li",
                                            (items) => items.map((li) => li.textContent));
    assert.ok(listed.some((f) => f.includes(finding.rule) && f.includes(finding.message)),
              "the finding is not listed: " + text);
    await opened.page.screenshot({ path: path.join(output, "html-page-finding.png") });
    console.log("html page: clicks, zoom and pan work; screenshots in " + output);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
