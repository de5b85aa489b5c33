// How each lane state is drawn: Okabe–Ito colours, each with a pattern as a second cue.
import { LaneState } from "./events";
import { Tile, tileOf } from "./pixel-layer";

export const stateColors: Record<LaneState, string> = {
  running: "#009E73",
  ready: "#F0E442",
  blocked: "#D55E00",
  waiting: "#E69F00",
  sleeping: "#56B4E9",
  io: "#0072B2",
  done: "#9a9a9a",
};

export const states = Object.keys(stateColors) as LaneState[];

/** A state's place in `states` (a switch: cheaper than looking a string up, and a frame asks for every thin span). */
export function stateIndex(state: LaneState): number {
  switch (state) {
    case "running": return 0;
    case "ready": return 1;
    case "blocked": return 2;
    case "waiting": return 3;
    case "sleeping": return 4;
    case "io": return 5;
    case "done": return 6;
  }
}

const canvases = new Map<LaneState, HTMLCanvasElement>();

/** The 8×8 tile a state is drawn with: its colour, with a pattern for all but running and done. */
export function stateTile(state: LaneState): HTMLCanvasElement {
  let tile = canvases.get(state);
  if (!tile) {
    tile = document.createElement("canvas");
    tile.width = tile.height = 8;
    paint(tile.getContext("2d")!, state);
    canvases.set(state, tile);
  }
  return tile;
}

/** By state index: the measured tile, then the inferred one. */
const pixels: Tile[] = [];

/** The tile's pixels, at half opacity for an inferred state. */
export function statePixels(state: LaneState, inferred: boolean): Tile {
  const at = stateIndex(state) * 2;
  if (!pixels[at]) {
    const copy = (t: CanvasRenderingContext2D) => t.drawImage(stateTile(state), 0, 0);
    pixels[at] = tileOf(copy);
    pixels[at + 1] = tileOf(copy, 0.5);
  }
  return pixels[at + (inferred ? 1 : 0)]!;
}

/**
 * The legend's swatches (site.css, .state-*) drawn on an 8×8 tile: an opaque base, so a bar looks the same on the
 * light and the dark paper, and the pattern pixel by pixel in the legend's second colour.
 */
const patterns: Record<LaneState, { base: string; line?: string; at?: (x: number, y: number) => boolean }> = {
  running: { base: stateColors.running },
  ready: { base: stateColors.ready, line: "#9c942b", at: (x, y) => (x & 3) % 3 !== 0 && (y & 3) % 3 !== 0 && (x & 4) === (y & 4) },
  blocked: { base: "#e99a66", line: stateColors.blocked, at: (x, y) => ((x - y) & 7) < 4 },
  waiting: { base: "#f0c466", line: stateColors.waiting, at: (x, y) => ((x - y) & 3) === 0 || ((x + y) & 3) === 0 },
  sleeping: { base: stateColors.sleeping, line: "#3d8fc0", at: (_, y) => (y & 3) === 3 },
  io: { base: stateColors.io, line: "#4d9cd1", at: (x) => (x & 3) === 0 },
  done: { base: stateColors.done },
};

function paint(t: CanvasRenderingContext2D, state: LaneState): void {
  const { base, line, at } = patterns[state];
  t.fillStyle = base;
  t.fillRect(0, 0, 8, 8);
  if (!line || !at) return;
  t.fillStyle = line;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) if (at(x, y)) t.fillRect(x, y, 1, 1);
  }
}
