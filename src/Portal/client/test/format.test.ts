import assert from "node:assert/strict";
import { test } from "node:test";
import { formatMicros } from "../src/format";
import durations from "./durations.json";

test("durations read as on the server's pages (the cases RunTextTests checks too)", () => {
  for (const [micros, shown] of durations as [number, string][]) {
    assert.equal(formatMicros(micros), shown.replace(" ", "\u00a0"), `${micros} µs`);
  }
});
