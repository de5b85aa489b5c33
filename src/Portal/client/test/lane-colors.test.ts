import assert from "node:assert/strict";
import { test } from "node:test";
import { colorByLane, laneColor } from "../src/lane-colors";

/** An element's style as a browser without light-dark() has it: an invalid value is ignored, the last valid one stays. */
function oldBrowserStyle() {
  let color = "";
  return {
    get color() { return color; },
    set color(value: string) { if (!value.startsWith("light-dark(")) color = value; },
  };
}

test("a console tag keeps its lane's light colour where light-dark() is not understood", () => {
  const style = oldBrowserStyle();
  colorByLane(style, 2);
  assert.equal(style.color, laneColor(2));
});

test("where light-dark() is understood a tag carries both variants", () => {
  const style = { color: "" };
  colorByLane(style, 2);
  assert.equal(style.color, `light-dark(${laneColor(2)}, ${laneColor(2, true)})`);
});
