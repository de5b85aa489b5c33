// Browser benchmark of the timeline, run in headless chromium by bench/run.mjs: live appending,
// pan/zoom over a large run, and first draw of a stored run. Results land in window.benchResults.
import { EventBatch, RunEvent } from "../src/events";
import { RunModel } from "../src/run-model";
import { stateFill } from "../src/state-style";
import { Timeline } from "../src/timeline";

declare global {
  interface Window {
    benchResults?: Record<string, number>;
  }
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

function mount(): Timeline {
  const root = document.createElement("div");
  root.style.width = "1200px";
  root.innerHTML = `<canvas></canvas><div data-tip hidden></div>`;
  document.body.replaceChildren(root);
  return new Timeline(root, {});
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

async function liveAppend(rate: number, seconds: number): Promise<Record<string, number>> {
  const timeline = mount();
  const model = new RunModel();
  timeline.show(model);
  const all = synthetic(32, Math.ceil((rate * seconds) / 32) + 1, 1_000);
  const frames: number[] = [];
  const start = performance.now();
  let sent = 0;
  let last = await frame();
  while (performance.now() - start < seconds * 1000) {
    const due = Math.min(all.length, Math.floor(((performance.now() - start) / 1000) * rate));
    const batch: EventBatch = { first: sent, events: all.slice(sent, due) };
    model.apply(batch);
    sent = due;
    timeline.invalidate();
    const now = await frame();
    frames.push(now - last);
    last = now;
  }
  return { liveFrameP50: percentile(frames, 50), liveFrameP95: percentile(frames, 95), liveEvents: sent, liveApplied: model.nextSeq };
}

async function panZoom(spans: number): Promise<Record<string, number>> {
  const timeline = mount();
  const model = new RunModel();
  const lanes = 50;
  model.apply({ first: 0, events: synthetic(lanes, spans / lanes, 100) });
  timeline.show(model);
  await frame();
  await frame();
  const times: number[] = [];
  for (let i = 0; i < 120; i++) {
    const began = performance.now();
    if (i % 20 < 10) timeline.view.zoom(i % 2 ? 0.7 : 1.3, model.now / 2);
    else timeline.view.pan(timeline.view.span * (i % 2 ? 0.1 : -0.1));
    timeline.invalidate();
    await frame();
    times.push(performance.now() - began);
  }
  return { panZoomFrameP50: percentile(times, 50), panZoomFrameP95: percentile(times, 95) };
}

async function firstDraw(spans: number): Promise<Record<string, number>> {
  const events = synthetic(50, spans / 50, 100);
  const json = JSON.stringify(events); // a stored run arrives as JSON
  const began = performance.now();
  const timeline = mount();
  const model = new RunModel();
  model.apply({ first: 0, events: JSON.parse(json) as RunEvent[] });
  timeline.show(model);
  await frame();
  return { firstDrawMs: performance.now() - began };
}

/** The floor under any drawing of 50 lanes: clear the canvas and fill each lane's bar once, patterned. */
async function bareFill(lanes: number): Promise<Record<string, number>> {
  document.body.replaceChildren();
  const canvas = document.createElement("canvas");
  canvas.width = 1200 * devicePixelRatio;
  canvas.height = (28 + lanes * 26 + 40) * devicePixelRatio;
  document.body.append(canvas);
  const ctx = canvas.getContext("2d")!;
  ctx.setTransform(devicePixelRatio, 0, 0, devicePixelRatio, 0, 0);
  const times: number[] = [];
  for (let i = 0; i < 120; i++) {
    const began = performance.now();
    ctx.clearRect(0, 0, 1200, canvas.height);
    for (let lane = 0; lane < lanes; lane++) {
      ctx.fillStyle = stateFill(ctx, lane % 2 ? "sleeping" : "running");
      ctx.fillRect(180, 28 + lane * 26 + 5, 1000, 16);
    }
    await frame();
    times.push(performance.now() - began);
  }
  return { bareFillFrameP50: percentile(times, 50), bareFillFrameP95: percentile(times, 95) };
}

void (async () => {
  window.benchResults = {
    ...(await bareFill(50)),
    ...(await liveAppend(20_000, 3)),
    ...(await panZoom(100_000)),
    ...(await firstDraw(100_000)),
  };
})();
