// The timeline's plot (grid lines and the lanes' bars) painted straight into pixels and put on the canvas in one
// call. Each canvas call costs far more than the few pixels a thin bar paints (a software canvas rasterizes every
// call's shape and pattern on its own), so a frame with thousands of bars would cost its bars; writing the pixels
// costs only the pixels.

/** An 8×8 tile of RGBA pixels (32-bit words) that repeats from the canvas origin in CSS pixels. */
export interface Tile {
  /** Its place in the table of all tiles (0 is "nothing"). */
  readonly id: number;
  /** After how many rows (1, 2, 4 or 8) its rows repeat: 1 for a solid colour or vertical lines. */
  readonly period: number;
  readonly pixels: Uint32Array;
}

// Every tile's pixels, 64 per tile id, in one array: a band refers to tiles by id, and a row is written pixel by
// pixel straight from here, whatever the number of bars.
let table = new Uint32Array(64 * 32);
let tileCount = 1;

/** Makes a tile of 64 pixels (8 rows of 8). */
export function makeTile(pixels: Uint32Array): Tile {
  const id = tileCount++;
  if (table.length < (id + 1) * 64) {
    const bigger = new Uint32Array(table.length * 2);
    bigger.set(table);
    table = bigger;
  }
  table.set(pixels, id * 64);
  const repeats = (period: number) => pixels.every((p, i) => p === pixels[i % (8 * period)]);
  return { id, period: [1, 2, 4].find(repeats) ?? 8, pixels };
}

export class PixelLayer {
  readonly data: Uint32Array;
  private readonly bytes: Uint8ClampedArray<ArrayBuffer>;
  /** For each device column and row, its place in a tile (x mod 8 and 8 × (y mod 8), in CSS pixels). */
  private readonly tileX: Uint8Array;
  private readonly tileY: Uint8Array;
  private image: ImageData | null = null;
  /** Column arrays for bands, reused frame after frame (a frame has a hundred bands). */
  private readonly cells: Uint16Array[] = [];
  private cellsUsed = 0;

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

  /** Empties the layer, for the next frame. */
  clear(): void {
    this.data.fill(0);
    this.cellsUsed = 0;
  }

  /** A band's array of tile ids, one per device column, all 0. */
  columnTiles(): Uint16Array {
    const cells = this.cells[this.cellsUsed++];
    if (!cells) {
      const made = new Uint16Array(this.width);
      this.cells.push(made);
      return made;
    }
    return cells.fill(0);
  }

  /**
   * A horizontal band of `h` CSS pixels from `y`, to paint left to right with `set` and write with `commit`. Its
   * columns are written into one row per row of the tile and copied down, so most of a band is a memory copy.
   */
  band(y: number, h: number): Band {
    return new Band(this, Math.max(0, Math.round((y - this.top) * this.ratio)), Math.min(this.height, Math.round((y + h - this.top) * this.ratio)));
  }

  /** Device column range [x0, x1) of CSS x range [x, x + w), clipped to the layer. */
  columns(x: number, w: number): [number, number] {
    return [Math.max(0, Math.round((x - this.left) * this.ratio)), Math.min(this.width, Math.round((x + w - this.left) * this.ratio))];
  }

  /** Writes the tiles of columns [from, to) (by id; 0 leaves a pixel as it is) as they fall on device row `py`. */
  writeRow(py: number, cells: Uint16Array, from: number, to: number): void {
    const { data, tileX } = this;
    const pixels = table;
    const ty = this.tileY[py]!;
    const row = py * this.width;
    for (let px = from; px < to; px++) {
      const id = cells[px]!;
      if (id !== 0) data[row + px] = pixels[id * 64 + ty + tileX[px]!]!;
    }
  }

  /** Paints CSS pixels [x, x + w) with a solid tile from the top of the layer to the bottom (a grid line). */
  column(x: number, w: number, tile: Tile): void {
    const [x0, x1] = this.columns(x, w);
    const color = tile.pixels[0]!;
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
  return makeTile(new Uint32Array(scratch.getImageData(0, 0, 8, 8).data.buffer));
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

const writtenRows = new Int32Array(8);

/** The tile of each pixel column of one band of a layer; see PixelLayer.band. */
export class Band {
  private cells: Uint16Array | null = null;
  private from = Infinity;
  private to = -Infinity;
  /** After how many rows the band repeats: the longest period of its tiles. */
  private period = 1;

  constructor(private readonly layer: PixelLayer, private readonly y0: number, private readonly y1: number) {}

  /** Paints CSS pixels [x, x + w) with `tile`, over what was set there before. */
  set(x: number, w: number, tile: Tile): void {
    const [x0, x1] = this.layer.columns(x, w);
    if (x0 >= x1) return;
    const cells = (this.cells ??= this.layer.columnTiles());
    if (x1 - x0 > 16) cells.fill(tile.id, x0, x1); // a call costs more than a few stores
    else for (let px = x0; px < x1; px++) cells[px] = tile.id;
    this.from = Math.min(this.from, x0);
    this.to = Math.max(this.to, x1);
    this.period = Math.max(this.period, tile.period);
  }

  /** Writes the band into the layer: each distinct row once (one row when all is solid), copied to the rest. */
  commit(): void {
    if (!this.cells) return;
    const written = writtenRows.fill(-1); // by tile row (modulo the period): the device row that has it
    for (let py = this.y0; py < this.y1; py++) {
      const ty = (this.layer.tileRow(py) / 8) % this.period;
      if (written[ty] === -1) {
        this.layer.writeRow(py, this.cells, this.from, this.to);
        written[ty] = py;
      } else {
        this.layer.copyRow(written[ty]!, py, this.from, this.to);
      }
    }
  }
}
