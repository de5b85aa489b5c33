// Bundles the client into wwwroot/js; everything the page loads is served by the portal itself.
import { build } from "esbuild";

await build({
  entryPoints: ["src/main.ts"],
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: "linked",
  outfile: "../wwwroot/js/app.js",
  logLevel: "warning",
});
