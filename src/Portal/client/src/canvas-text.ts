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

/**
 * Where a line may break: at spaces, and around each Han, kana or Hangul character, but never before the punctuation
 * that closes a phrase ("，" "。"), which stays with what it follows.
 */
const pieces = /\s+|(?:[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]+)[，。、：；！？）」』》]*/gu;

/** `text` in lines that fit `max` pixels (a piece too long for a line of its own is cut short). */
export function wrapText(ctx: CanvasRenderingContext2D, text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const piece of text.match(pieces) ?? []) {
    if (line.trim() && textWidth(ctx, (line + piece).trimEnd()) > max) {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    } else {
      line += piece;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.map((l) => fitText(ctx, l, max));
}
