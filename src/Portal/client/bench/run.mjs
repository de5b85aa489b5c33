// Runs the timeline benchmark in Debian's chromium and prints its figures as JSON, with the bundle size.
// Usage: npm run bench   (from src/Portal/client; needs /usr/bin/chromium)
import { build } from "esbuild";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const dir = mkdtempSync(join(tmpdir(), "timeline-bench-"));
await build({ entryPoints: ["bench/timeline-bench.ts"], bundle: true, format: "iife", target: "es2022", minify: true, outfile: join(dir, "bench.js"), logLevel: "warning" });
writeFileSync(join(dir, "index.html"), `<!doctype html><meta charset="utf-8"><body><script src="bench.js"></script>`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on("pageerror", (error) => console.error(error));
await page.goto(`file://${join(dir, "index.html")}`);
await page.waitForFunction(() => window.benchResults !== undefined, null, { timeout: 120_000 });
const results = await page.evaluate(() => window.benchResults);
await browser.close();

const bundle = readFileSync("../wwwroot/js/app.js");
results.bundleBytes = bundle.length;
results.bundleGzipBytes = gzipSync(bundle).length;
console.log(JSON.stringify(results, null, 2));

// Replace the timeline section of docs/benchmarks.md (the Engine benchmark keeps it when it rewrites the file).
const marker = "<!-- timeline-benchmark -->";
const docs = join("..", "..", "..", "docs", "benchmarks.md");
const ms = (v) => `${v.toFixed(1)} ms`;
const verdict = (ok) => (ok ? "met" : "MISSED");
const section = `${marker}
## 5. The timeline in the browser

Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC in headless Debian chromium (software rendering, \`--disable-gpu\`) by
\`cd src/Portal/client && npm run bench\`. A frame is the time from asking for a redraw to the next animation frame,
so it counts in steps of the 16.7 ms display refresh. *Bare fill* is the floor measured in the same run: clearing the
canvas and filling each of 50 lane bars once with its pattern, the least any drawing of that canvas must do.

| What | Figure | Bare fill (same run) | Target | Result |
| --- | --- | --- | --- | --- |
| Live: 20,000 events/s appended for 3 s, frame p50 / p95 | ${ms(results.liveFrameP50)} / ${ms(results.liveFrameP95)} | ${ms(results.bareFillFrameP50)} / ${ms(results.bareFillFrameP95)} | p95 < 16 ms, nothing dropped | ${verdict(results.liveFrameP95 < 16 && results.liveApplied === results.liveEvents)} (${results.liveApplied} of ${results.liveEvents} events drawn) |
| Pan/zoom over 100,000 spans (50 lanes), frame p50 / p95 | ${ms(results.panZoomFrameP50)} / ${ms(results.panZoomFrameP95)} | ${ms(results.bareFillFrameP50)} / ${ms(results.bareFillFrameP95)} | p95 < 16 ms | ${verdict(results.panZoomFrameP95 < 16)} |
| First draw of a stored 100,000-span run (parse, build, draw) | ${ms(results.firstDrawMs)} | | < 300 ms | ${verdict(results.firstDrawMs < 300)} |
| Client bundle (app.js), gzipped | ${(results.bundleGzipBytes / 1024).toFixed(1)} KiB (${(results.bundleBytes / 1024).toFixed(1)} KiB raw) | | < 150 KiB | ${verdict(results.bundleGzipBytes < 150 * 1024)} |
`;
const previous = readFileSync(docs, "utf8");
const at = previous.indexOf(marker);
writeFileSync(docs, (at >= 0 ? previous.slice(0, at) : previous.trimEnd() + "\n\n") + section);
console.log(`wrote ${docs}`);
