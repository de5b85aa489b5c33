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

function paint(t: CanvasRenderingContext2D, state: LaneState): void {
  if (state === "running" || state === "done") {
    t.fillStyle = stateColors[state];
    t.fillRect(0, 0, 8, 8);
    return;
  }
  t.fillStyle = stateColors[state];
  t.globalAlpha = 0.55;
  t.fillRect(0, 0, 8, 8);
  t.globalAlpha = 1;
  t.strokeStyle = stateColors[state];
  t.fillStyle = stateColors[state];
  t.lineWidth = 1.5;
  t.beginPath();
  switch (state) {
    case "ready":
      t.fillStyle = "rgba(0,0,0,0.35)";
      t.fillRect(1, 1, 2, 2);
      t.fillRect(5, 5, 2, 2);
      return;
    case "blocked":
      t.strokeStyle = "rgba(0,0,0,0.45)";
      t.moveTo(0, 8); t.lineTo(8, 0);
      t.moveTo(-2, 2); t.lineTo(2, -2);
      t.moveTo(6, 10); t.lineTo(10, 6);
      break;
    case "waiting":
      t.strokeStyle = "rgba(0,0,0,0.4)";
      t.moveTo(0, 0); t.lineTo(8, 8);
      t.moveTo(0, 8); t.lineTo(8, 0);
      break;
    case "sleeping":
      t.strokeStyle = "rgba(0,0,0,0.3)";
      t.moveTo(0, 2); t.lineTo(8, 2);
      t.moveTo(0, 6); t.lineTo(8, 6);
      break;
    case "io":
      t.strokeStyle = "rgba(255,255,255,0.55)";
      t.moveTo(2, 0); t.lineTo(2, 8);
      t.moveTo(6, 0); t.lineTo(6, 8);
      break;
  }
  t.stroke();
}
