// Text on the timeline's canvas, measured once per text: the timeline draws in one font, and measuring is slow
// enough to show when a frame labels fifty lanes sixty times a second. The caches are emptied when they grow large.
const widths = new Map<string, number>();
const fitted = new Map<string, string>();

/** The width of `text` in the context's font (the timeline's one font). */
export function textWidth(ctx: CanvasRenderingContext2D, text: string): number {
  let width = widths.get(text);
  if (width === undefined) {
    if (widths.size > 2000) widths.clear();
    width = ctx.measureText(text).width;
    widths.set(text, width);
  }
  return width;
}

/** `text`, cut short with an ellipsis to fit `max` pixels. */
export function fitText(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  const key = `${max}|${text}`;
  let fit = fitted.get(key);
  if (fit === undefined) {
    if (fitted.size > 2000) fitted.clear();
    let end = text.length;
    if (textWidth(ctx, text) > max) {
      while (end > 1 && textWidth(ctx, text.slice(0, end) + "…") > max) end--;
    }
    fit = end === text.length ? text : text.slice(0, end) + "…";
    fitted.set(key, fit);
  }
  return fit;
}
