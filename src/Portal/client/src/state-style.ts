// How each lane state is drawn: Okabe–Ito colours, each with a pattern as a second cue. The colours are the legend's
// (site.css, --state-*), read from the page with the timeline's palette, so the canvas and the legend cannot drift apart.
import { LaneState } from "./events";
import { Tile, tileOf } from "./pixel-layer";

export const states: LaneState[] = ["running", "ready", "blocked", "waiting", "sleeping", "io", "done"];

/**
 * Each state's colour, and the other colour of its pattern (`-pattern`), as site.css names them after `--state-`.
 * site.css defines them; these copies serve only where there is no stylesheet (the unit tests), and a page's values
 * replace them at its first draw.
 */
const fallbacks = {
  "running": "#009E73",
  "ready": "#F0E442", "ready-pattern": "#9c942b",
  "blocked": "#D55E00", "blocked-pattern": "#e99a66",
  "waiting": "#E69F00", "waiting-pattern": "#f0c466",
  "sleeping": "#56B4E9", "sleeping-pattern": "#3d8fc0",
  "io": "#0072B2", "io-pattern": "#4d9cd1",
  "done": "#9a9a9a",
};

type Swatch = keyof typeof fallbacks;

const colors: Record<Swatch, string> = { ...fallbacks };

/**
 * Takes the legend's colours from `style`, the timeline's computed style. It is read with the palette, at the first
 * draw and when the theme changes (the two themes share these colours today; tiles are painted again only if one
 * differs).
 */
export function readStateColors(style: Pick<CSSStyleDeclaration, "getPropertyValue">): void {
  let changed = false;
  for (const name of Object.keys(fallbacks) as Swatch[]) {
    const value = style.getPropertyValue(`--state-${name}`).trim() || fallbacks[name];
    changed ||= colors[name] !== value;
    colors[name] = value;
  }
  if (!changed) return;
  canvases.clear();
  pixels.length = 0;
}

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
 * The legend's swatches (site.css, .state-*) drawn on an 8×8 tile: the base colour, opaque, so a measured state's bar
 * looks the same on the light and the dark paper (an inferred one is drawn at half opacity, statePixels, so the paper
 * shows through it), and the pattern pixel by pixel in the other colour.
 */
const patterns: Record<LaneState, { base: Swatch; line?: Swatch; at?: (x: number, y: number) => boolean }> = {
  running: { base: "running" },
  ready: { base: "ready", line: "ready-pattern", at: (x, y) => (x & 3) % 3 !== 0 && (y & 3) % 3 !== 0 && (x & 4) === (y & 4) },
  blocked: { base: "blocked-pattern", line: "blocked", at: (x, y) => ((x - y) & 7) < 4 },
  waiting: { base: "waiting-pattern", line: "waiting", at: (x, y) => ((x - y) & 3) === 0 || ((x + y) & 3) === 0 },
  sleeping: { base: "sleeping", line: "sleeping-pattern", at: (_, y) => (y & 3) === 3 },
  io: { base: "io", line: "io-pattern", at: (x) => (x & 3) === 0 },
  done: { base: "done" },
};

function paint(t: CanvasRenderingContext2D, state: LaneState): void {
  const { base, line, at } = patterns[state];
  t.fillStyle = colors[base];
  t.fillRect(0, 0, 8, 8);
  if (!line || !at) return;
  t.fillStyle = colors[line];
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) if (at(x, y)) t.fillRect(x, y, 1, 1);
  }
}
