import assert from "node:assert/strict";
import { test } from "node:test";
import { labelPlaces } from "../src/axis";
import { SharedLabelColumn, labelColumn, labelColumnWidth } from "../src/label-column";

test("the label column fits the longest label, within a share of the canvas and an absolute cap", () => {
  // A phone (a 320 px canvas): the column keeps to 40 % of it, so the plot keeps most of the width.
  assert.equal(labelColumnWidth(320, 160), Math.floor(320 * labelColumn.share));
  // A desktop: the longest label and its gap, neither cut nor padded out.
  assert.equal(labelColumnWidth(720, 190.4), Math.ceil(190.4 + labelColumn.gap));
  assert.equal(labelColumnWidth(1400, 400), labelColumn.max);
  // Short labels still get the minimum, and so does a canvas too narrow for its share.
  assert.equal(labelColumnWidth(1000, 30), labelColumn.min);
  assert.equal(labelColumnWidth(200, 150), labelColumn.min);
});

test("timelines sharing a time axis take the widest label column, and hear when it changes", () => {
  const shared = new SharedLabelColumn();
  let changes = 0;
  shared.onChange = () => changes++;
  const [a, b] = [{}, {}];
  assert.equal(shared.want(a, 120), 120);
  assert.equal(shared.want(b, 150), 150);
  assert.equal(shared.want(a, 120), 150);
  assert.equal(changes, 2);
  assert.equal(shared.want(b, 100), 120);
});

test("a tick label near the right edge goes left of its line, and one that fits nowhere is left out", () => {
  // Lines at 200, 400, 600 on a canvas whose labels must end by 640: the last one moves left of its line.
  assert.deepEqual(labelPlaces([200, 400, 600], [50, 50, 50], 180, 640), [203.5, 403.5, 546.5]);
  // Lines too close for the last label on either side of its line: it is not drawn rather than drawn cut short.
  assert.deepEqual(labelPlaces([200, 300], [60, 60], 180, 330), [203.5, null]);
  // A lone label that fits neither right of its line nor right of the label column is left out too.
  assert.deepEqual(labelPlaces([200], [60], 180, 230), [null]);
});
