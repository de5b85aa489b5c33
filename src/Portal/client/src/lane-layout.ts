// Which lanes are drawn, in which order: what runs inside a process is listed right under it, tasks
// right under the thread that started them, and a collapsed lane hides what it holds. Pure: no DOM.
import { LaneModel } from "./run-model";

export interface Row {
  lane: LaneModel;
  depth: number;
  /** How many lanes it holds directly (hidden when collapsed). */
  children: number;
  /** It holds lanes and they are hidden. */
  folded: boolean;
}

export function layoutRows(lanes: LaneModel[], collapsed: ReadonlySet<number>): Row[] {
  const byId = new Map(lanes.map((l) => [l.info.lane, l]));
  const inside = new Map<number, LaneModel[]>();
  const top: LaneModel[] = [];
  for (const lane of lanes) {
    const parent = lane.info.parent === undefined ? undefined : byId.get(lane.info.parent);
    if (parent && (parent.info.kind === "process" || lane.info.kind === "task" || lane.info.kind === "coroutine")) {
      inside.set(parent.info.lane, [...(inside.get(parent.info.lane) ?? []), lane]);
    } else {
      top.push(lane);
    }
  }
  const rows: Row[] = [];
  const visit = (lane: LaneModel, depth: number): void => {
    const children = inside.get(lane.info.lane) ?? [];
    const folded = children.length > 0 && collapsed.has(lane.info.lane);
    rows.push({ lane, depth, children: children.length, folded });
    if (!folded) children.forEach((c) => visit(c, depth + 1));
  };
  top.forEach((l) => visit(l, 0));
  return rows;
}
