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
