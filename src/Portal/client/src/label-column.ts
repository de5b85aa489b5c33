// The width of the timeline's label column (lanes, counters, cores): as wide as its longest label, within bounds that
// leave the plot most of a phone's width. A label longer than the column is cut short with an ellipsis, and shown
// whole on hover. Pure: no DOM.

export const labelColumn = {
  /** Narrowest column: a short name and its id. */
  min: 90,
  /** Widest column, as a share of the canvas and in pixels. */
  share: 0.4,
  max: 280,
  /** Space between the longest label and the plot. */
  gap: 8,
};

/** The column of a canvas `width` pixels wide whose longest label ends `widest` pixels from its left edge. */
export function labelColumnWidth(width: number, widest: number): number {
  const cap = Math.max(labelColumn.min, Math.min(labelColumn.max, Math.floor(width * labelColumn.share)));
  return Math.min(cap, Math.max(labelColumn.min, Math.ceil(widest + labelColumn.gap)));
}

/** The label columns of timelines that share one time axis (a comparison): all take the widest, so their plots line up. */
export class SharedLabelColumn {
  /** Called when the width all take changes: each timeline must draw again. */
  onChange: () => void = () => {};
  private readonly wanted = new Map<object, number>();
  private width = 0;

  /** `owner` would like a column `width` wide: returns the one to draw. */
  want(owner: object, width: number): number {
    this.wanted.set(owner, width);
    const widest = Math.max(...this.wanted.values());
    if (widest !== this.width) {
      this.width = widest;
      this.onChange();
    }
    return widest;
  }
}
