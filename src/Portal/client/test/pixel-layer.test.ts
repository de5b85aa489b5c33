import assert from "node:assert/strict";
import { test } from "node:test";
import { PixelLayer, makeTile } from "../src/pixel-layer";

/** A tile whose pixel at (x, y) is 100 + 8y + x, so a test can see which tile pixel landed where. */
const pattern = makeTile(Uint32Array.from({ length: 64 }, (_, i) => 100 + i));
const solid = makeTile(new Uint32Array(64).fill(7));
const at = (layer: PixelLayer, x: number, y: number) => layer.data[y * layer.width + x];

test("a band paints its columns with tiles anchored to the canvas origin, clipped to the layer", () => {
  const layer = new PixelLayer(20, 10, 180, 28, 1); // CSS (180, 28) is its top-left pixel
  const band = layer.band(30, 4);
  band.set(170, 15, solid); // starts left of the layer
  band.set(190, 3, pattern);
  band.commit();
  assert.equal(at(layer, 0, 2), 7);
  assert.equal(at(layer, 4, 5), 7);
  assert.equal(at(layer, 5, 2), 0);
  // CSS (190, 30): x mod 8 = 6, y mod 8 = 6.
  assert.equal(at(layer, 10, 2), 100 + 6 * 8 + 6);
  assert.equal(at(layer, 12, 5), 100 + 1 * 8 + 0);
  assert.equal(at(layer, 0, 1), 0); // above the band
  assert.equal(at(layer, 0, 6), 0); // below it
});

test("a grid line runs down the whole layer, and bars paint over it where they are", () => {
  const layer = new PixelLayer(10, 6, 0, 0, 1);
  layer.column(3, 1, makeTile(new Uint32Array(64).fill(9)));
  const band = layer.band(2, 2);
  band.set(2, 2, solid);
  band.commit();
  assert.deepEqual([0, 1, 2, 3, 4, 5].map((y) => at(layer, 3, y)), [9, 9, 7, 7, 9, 9]);
  assert.equal(at(layer, 4, 2), 0);
});

test("what is set later in a band wins, and a high-density layer scales tiles by the pixel ratio", () => {
  const layer = new PixelLayer(8, 4, 0, 0, 2);
  const band = layer.band(0, 2);
  band.set(0, 4, solid);
  band.set(1, 1, pattern);
  band.commit();
  assert.deepEqual([...layer.data.subarray(0, 8)], [7, 7, 101, 101, 7, 7, 7, 7]);
  assert.deepEqual([...layer.data.subarray(16, 24)], [7, 7, 109, 109, 7, 7, 7, 7]);
  layer.clear();
  assert.ok(layer.data.every((p) => p === 0));
});

test("a band whose tiles repeat every few rows writes those rows once and copies them, with the same pixels", () => {
  const stripes = makeTile(Uint32Array.from({ length: 64 }, (_, i) => (Math.floor(i / 8) % 2 ? 20 : 10) + (i % 8)));
  assert.equal(stripes.period, 2);
  assert.equal(solid.period, 1);
  assert.equal(pattern.period, 8);
  const layer = new PixelLayer(8, 8, 0, 0, 1);
  const band = layer.band(0, 8);
  band.set(0, 8, stripes);
  band.commit();
  for (let y = 0; y < 8; y++) assert.deepEqual([...layer.data.subarray(y * 8, y * 8 + 8)], [0, 1, 2, 3, 4, 5, 6, 7].map((x) => (y % 2 ? 20 : 10) + x));
});
