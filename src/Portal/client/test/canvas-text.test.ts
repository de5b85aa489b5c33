import assert from "node:assert/strict";
import { test } from "node:test";
import { wrapText } from "../src/canvas-text";

/** 12 px monospace: a Latin character 7 px, a Han character twice that. */
const ctx = {
  measureText: (text: string) => ({ width: [...text].reduce((w, c) => w + (/[\u2E80-\u9FFF\uFF00-\uFFEF]/u.test(c) ? 14 : 7), 0) }),
} as unknown as CanvasRenderingContext2D;

test("the empty timeline's note wraps at spaces to fit a phone's canvas", () => {
  const text = "The timeline appears here when the demo runs.";
  assert.deepEqual(wrapText(ctx, text, 296), ["The timeline appears here when the demo", "runs."]);
  assert.deepEqual(wrapText(ctx, text, 1_000), [text]);
  for (const line of wrapText(ctx, text, 100)) assert.ok(line.length * 7 <= 100, line);
});

test("Chinese wraps between characters, and a comma or full stop never starts a line", () => {
  const text = "运行演示后，时间线会显示在这里。";
  assert.deepEqual(wrapText(ctx, text, 14 * 5), ["运行演示", "后，时间线", "会显示在这", "里。"]);
  assert.deepEqual(wrapText(ctx, text, 1_000), [text]);
});

test("a word longer than the line is cut short rather than run past the edge", () => {
  assert.deepEqual(wrapText(ctx, "a supercalifragilistic b", 70), ["a", "supercali…", "b"]);
});
