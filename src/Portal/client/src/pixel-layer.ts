// The timeline's plot (grid lines and the lanes' bars) painted straight into pixels and put on the canvas in one
// call. Each canvas call costs far more than the few pixels a thin bar paints (a software canvas rasterizes every
// call's shape and pattern on its own), so a frame with thousands of bars would cost its bars; writing the pixels
// costs only the pixels.

/** Pixels as 32-bit RGBA words: 64 for an 8×8 tile that repeats from the canvas origin in CSS pixels, or 1 for a solid colour. */
export type Tile = Uint32Array;

export class PixelLayer {
  readonly data: Uint32Array;
  private readonly bytes: Uint8ClampedArray<ArrayBuffer>;
  /** For each device column and row, its place in a tile (x mod 8 and 8 × (y mod 8), in CSS pixels). */
  private readonly tileX: Uint8Array;
  private readonly tileY: Uint8Array;
  private image: ImageData | null = null;

  /** `width` × `height` device pixels, whose top-left corner is at CSS pixel (`left`, `top`). */
  constructor(readonly width: number, readonly height: number, readonly left: number, readonly top: number, readonly ratio: number) {
    const buffer = new ArrayBuffer(width * height * 4);
    this.data = new Uint32Array(buffer);
    this.bytes = new Uint8ClampedArray(buffer);
    this.tileX = Uint8Array.from({ length: width }, (_, px) => Math.floor(px / ratio + left) & 7);
    this.tileY = Uint8Array.from({ length: height }, (_, py) => (Math.floor(py / ratio + top) & 7) * 8);
  }

  fits(width: number, height: number, left: number, top: number, ratio: number): boolean {
    return this.width === width && this.height === height && this.left === left && this.top === top && this.ratio === ratio;
  }

  /** Where in an 8×8 tile the row that device row `py` shows starts (8 × its row). */
  tileRow(py: number): number {
    return this.tileY[py]!;
  }

  clear(): void {
    this.data.fill(0);
  }

  /**
   * A horizontal band of `h` CSS pixels from `y`, to paint left to right with `set` and write with `commit`. Its
   * runs are written into one row per row of the tile and copied down, so most of a band is a memory copy.
   */
  band(y: number, h: number): Band {
    return new Band(this, Math.max(0, Math.round((y - this.top) * this.ratio)), Math.min(this.height, Math.round((y + h - this.top) * this.ratio)));
  }

  /** Device column range [x0, x1) of CSS x range [x, x + w), clipped to the layer. */
  columns(x: number, w: number): [number, number] {
    return [Math.max(0, Math.round((x - this.left) * this.ratio)), Math.min(this.width, Math.round((x + w - this.left) * this.ratio))];
  }

  /** Writes runs of tiles (device columns [x0, x1), in order: later ones win) on device row `py`. */
  writeRow(py: number, runs: readonly Run[]): void {
    const { data, tileX } = this;
    const ty = this.tileY[py]!;
    const row = py * this.width;
    for (const { x0, x1, tile } of runs) {
      if (tile.length === 1) {
        const color = tile[0]!;
        for (let px = row + x0; px < row + x1; px++) data[px] = color;
      } else {
        for (let px = x0; px < x1; px++) data[row + px] = tile[ty + tileX[px]!]!;
      }
    }
  }

  /** Paints CSS pixels [x, x + w) with a solid tile from the top of the layer to the bottom (a grid line). */
  column(x: number, w: number, tile: Tile): void {
    const [x0, x1] = this.columns(x, w);
    const color = tile[0]!;
    for (let row = 0; row < this.data.length; row += this.width) {
      for (let px = row + x0; px < row + x1; px++) this.data[px] = color;
    }
  }

  /** Copies device row `from` to row `to` between columns [x0, x1). */
  copyRow(from: number, to: number, x0: number, x1: number): void {
    this.data.copyWithin(to * this.width + x0, from * this.width + x0, from * this.width + x1);
  }

  /** Puts the layer's pixels on `ctx` at its place, replacing what is there (so it goes first, under anything drawn). */
  putOn(ctx: CanvasRenderingContext2D): void {
    this.image ??= new ImageData(this.bytes, this.width, this.height);
    ctx.putImageData(this.image, Math.round(this.left * this.ratio), Math.round(this.top * this.ratio));
  }
}

let scratch: CanvasRenderingContext2D | null = null;

/** The pixels of whatever `paint` draws on an 8×8 tile at `alpha`, read back from a canvas (callers keep them). */
export function tileOf(paint: (tile: CanvasRenderingContext2D) => void, alpha = 1): Tile {
  if (!scratch) {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 8;
    scratch = canvas.getContext("2d", { willReadFrequently: true })!;
  }
  scratch.clearRect(0, 0, 8, 8);
  scratch.globalAlpha = alpha;
  paint(scratch);
  scratch.globalAlpha = 1;
  const pixels = new Uint32Array(scratch.getImageData(0, 0, 8, 8).data.buffer);
  return pixels.every((p) => p === pixels[0]) ? pixels.slice(0, 1) : pixels;
}

const colors = new Map<string, Tile>();

/** A solid tile of a CSS colour. */
export function colorTile(color: string): Tile {
  let tile = colors.get(color);
  if (!tile) {
    tile = tileOf((t) => {
      t.fillStyle = color;
      t.fillRect(0, 0, 8, 8);
    });
    colors.set(color, tile);
  }
  return tile;
}

interface Run {
  x0: number;
  x1: number;
  tile: Tile;
}

/** The runs of tiles of one band of a layer; see PixelLayer.band. */
export class Band {
  private readonly runs: Run[] = [];
  private from = Infinity;
  private to = -Infinity;
  private patterned = false;

  constructor(private readonly layer: PixelLayer, private readonly y0: number, private readonly y1: number) {}

  /** Paints CSS pixels [x, x + w) with `tile`, over what was set there before. */
  set(x: number, w: number, tile: Tile): void {
    const [x0, x1] = this.layer.columns(x, w);
    if (x0 >= x1) return;
    const last = this.runs[this.runs.length - 1];
    if (last && last.tile === tile && last.x1 === x0) last.x1 = x1;
    else this.runs.push({ x0, x1, tile });
    this.from = Math.min(this.from, x0);
    this.to = Math.max(this.to, x1);
    this.patterned ||= tile.length > 1;
  }

  /** Writes the band into the layer: each distinct tile row once (one row when all is solid), copied to the rest. */
  commit(): void {
    if (this.runs.length === 0) return;
    const written = new Map<number, number>(); // tile row → device row that has it
    for (let py = this.y0; py < this.y1; py++) {
      const ty = this.patterned ? this.layer.tileRow(py) : 0;
      const done = written.get(ty);
      if (done === undefined) {
        this.layer.writeRow(py, this.runs);
        written.set(ty, py);
      } else {
        this.layer.copyRow(done, py, this.from, this.to);
      }
    }
  }
}
