// Browser benchmark of the timeline, run in headless chromium by bench/run.mjs: live appending,
// pan/zoom over a large run, and first draw of a stored run. Results land in window.benchResults.
//
// A frame's cost is the time our code spends producing it, rasterization included: one animation
// frame runs three callbacks back to back — ours that starts the clock and does the frame's work
// (apply the events, or move the view), the timeline's own draw, and ours that reads one pixel back
// (which makes chromium play every recorded canvas command into the bitmap) and stops the clock.
// Separately, frames the display missed (animation frames more than two refreshes apart) are counted.
import { EventBatch, RunEvent } from "../src/events";
import { RunModel } from "../src/run-model";
import { stateTile } from "../src/state-style";
import { Timeline } from "../src/timeline";

declare global {
  interface Window {
    benchResults?: Record<string, number>;
  }
}

const refresh = 1000 / 60;
const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

interface Frames {
  costs: number[];
  dropped: number;
  last: number;
}

/** Runs `work` then `draw` in the next animation frame, flushes the canvas, and records the cost. */
function measuredFrame(frames: Frames, canvas: HTMLCanvasElement, work: () => void, draw: () => void): Promise<void> {
  return new Promise((resolve) => {
    let began = 0;
    requestAnimationFrame((at) => {
      if (frames.last > 0 && at - frames.last > 2 * refresh) frames.dropped++;
      frames.last = at;
      began = performance.now();
      work();
    });
    draw(); // the timeline's invalidate(): its callback is queued after ours, so it runs right after the work
    requestAnimationFrame(() => {
      canvas.getContext("2d")!.getImageData(0, 0, 1, 1);
      frames.costs.push(performance.now() - began);
      resolve();
    });
  });
}

function mount(): { timeline: Timeline; canvas: HTMLCanvasElement; root: HTMLElement } {
  const root = document.createElement("div");
  root.style.width = "1200px";
  root.innerHTML = `<canvas></canvas><div data-tip hidden></div>`;
  document.body.replaceChildren(root);
  return { timeline: new Timeline(root, {}), canvas: root.querySelector("canvas")!, root };
}

/** A synthetic run: `lanes` threads alternating running/sleeping spans of `spanUs` each. */
function synthetic(lanes: number, spansPerLane: number, spanUs: number): RunEvent[] {
  const events: RunEvent[] = [];
  for (let lane = 1; lane <= lanes; lane++) {
    events.push({ k: "lane", t: 0, lane, kind: "thread", name: `T${lane}`, pid: 1, tid: 1000 + lane });
  }
  for (let i = 0; i < spansPerLane; i++) {
    for (let lane = 1; lane <= lanes; lane++) {
      events.push({ k: "state", t: i * spanUs + lane, lane, state: i % 2 ? "sleeping" : "running", inferred: false });
    }
  }
  return events;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function summary(name: string, frames: Frames): Record<string, number> {
  return {
    [`${name}P50`]: percentile(frames.costs, 50),
    [`${name}P95`]: percentile(frames.costs, 95),
    [`${name}Frames`]: frames.costs.length,
    [`${name}Dropped`]: frames.dropped,
  };
}

async function liveAppend(rate: number, seconds: number): Promise<Record<string, number>> {
  const { timeline, canvas, root } = mount();
  const model = new RunModel();
  timeline.show(model);
  await frame();
  const all = synthetic(32, Math.ceil((rate * seconds) / 32) + 1, 1_000);
  const frames: Frames = { costs: [], dropped: 0, last: 0 };
  const start = performance.now();
  let sent = 0;
  while (performance.now() - start < seconds * 1000) {
    await measuredFrame(frames, canvas, () => {
      const due = Math.min(all.length, Math.floor(((performance.now() - start) / 1000) * rate));
      const batch: EventBatch = { first: sent, events: all.slice(sent, due) };
      model.apply(batch);
      sent = due;
    }, () => timeline.invalidate());
  }
  // The timeline says which time range it drew (following live, up to the newest moment it had): events after it were not drawn.
  const drawnUntil = Number(root.dataset["end"]);
  const notDrawn = all.slice(0, sent).filter((e) => e.t > drawnUntil).length;
  return { ...summary("live", frames), liveEvents: sent, liveNotDrawn: notDrawn };
}

async function panZoom(spans: number): Promise<Record<string, number>> {
  const { timeline, canvas } = mount();
  const model = new RunModel();
  const lanes = 50;
  model.apply({ first: 0, events: synthetic(lanes, spans / lanes, 100) });
  timeline.show(model);
  await frame();
  await frame();
  const frames: Frames = { costs: [], dropped: 0, last: 0 };
  for (let i = 0; i < 180; i++) {
    await measuredFrame(frames, canvas, () => {
      if (i % 20 < 10) timeline.view.zoom(i % 2 ? 0.7 : 1.3, model.now / 2);
      else timeline.view.pan(timeline.view.span * (i % 2 ? 0.1 : -0.1));
    }, () => timeline.invalidate());
  }
  return summary("panZoom", frames);
}

async function firstDraw(spans: number): Promise<Record<string, number>> {
  const events = synthetic(50, spans / 50, 100);
  const json = JSON.stringify(events); // a stored run arrives as JSON
  const began = performance.now();
  const { timeline, canvas } = mount();
  const model = new RunModel();
  model.apply({ first: 0, events: JSON.parse(json) as RunEvent[] });
  timeline.show(model);
  await frame();
  canvas.getContext("2d")!.getImageData(0, 0, 1, 1);
  return { firstDrawMs: performance.now() - began };
}

/** The floor under any drawing of `lanes` lanes: clear a canvas of the same size and fill each lane's bar once, patterned. */
async function bareFill(lanes: number): Promise<Record<string, number>> {
  const { timeline, canvas: sized } = mount();
  const model = new RunModel();
  model.apply({ first: 0, events: synthetic(lanes, 2, 100) });
  timeline.show(model);
  await frame();
  const canvas = document.createElement("canvas"); // the size the timeline gives the run, drawn on by nothing else
  canvas.width = sized.width;
  canvas.height = sized.height;
  document.body.replaceChildren(canvas);
  const ctx = canvas.getContext("2d")!;
  const fills = [ctx.createPattern(stateTile("running"), "repeat")!, ctx.createPattern(stateTile("sleeping"), "repeat")!];
  const frames: Frames = { costs: [], dropped: 0, last: 0 };
  for (let i = 0; i < 180; i++) {
    await measuredFrame(frames, canvas, () => {}, () => {
      requestAnimationFrame(() => {
        ctx.setTransform(devicePixelRatio, 0, 0, devicePixelRatio, 0, 0);
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        for (let lane = 0; lane < lanes; lane++) {
          ctx.fillStyle = fills[lane % 2]!;
          ctx.fillRect(180, 28 + lane * 26 + 5, 1000, 16);
        }
      });
    });
  }
  return summary(`bareFill${lanes}`, frames);
}

void (async () => {
  window.benchResults = {
    ...(await bareFill(32)),
    ...(await bareFill(50)),
    ...(await liveAppend(20_000, 3)),
    ...(await panZoom(100_000)),
    ...(await firstDraw(100_000)),
  };
})();
