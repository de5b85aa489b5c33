// The visible time range of a timeline: zoom, pan, fit and "follow live". Pure: no DOM.

export class TimeView {
  start = 0;
  end = 1;
  /** While true the view keeps the newest moment in sight; panning or zooming turns it off. */
  follow = true;

  /** Shows everything from 0 to `now` (and keeps following). */
  fit(now: number): void {
    this.start = 0;
    this.end = Math.max(now, 1);
    this.follow = true;
  }

  /** Called as the run grows: in follow mode the view stretches to the newest moment. */
  update(now: number): void {
    if (this.follow) this.fit(now);
  }

  get span(): number {
    return this.end - this.start;
  }

  /** Zooms by `factor` (< 1 zooms in) keeping the moment `at` under the same pixel. */
  zoom(factor: number, at = (this.start + this.end) / 2): void {
    const span = Math.min(Math.max(this.span * factor, 2), 1e9);
    const ratio = (at - this.start) / this.span;
    this.start = Math.max(0, at - ratio * span);
    this.end = this.start + span;
    this.follow = false;
  }

  /** Moves the view by `delta` microseconds (never before 0). */
  pan(delta: number): void {
    const span = this.span;
    this.start = Math.max(0, this.start + delta);
    this.end = this.start + span;
    this.follow = false;
  }

  /** Shows exactly [a, b]. */
  show(a: number, b: number): void {
    this.start = Math.max(0, Math.min(a, b));
    this.end = Math.max(this.start + 2, Math.max(a, b));
    this.follow = false;
  }

  /** Makes sure [a, b] is visible, moving the view as little as possible. */
  reveal(a: number, b: number): void {
    if (a >= this.start && b <= this.end) return;
    const span = Math.max(this.span, (b - a) * 1.2);
    this.start = Math.max(0, (a + b) / 2 - span / 2);
    this.end = this.start + span;
    this.follow = false;
  }

  toX(t: number, left: number, width: number): number {
    return left + ((t - this.start) / this.span) * width;
  }

  toTime(x: number, left: number, width: number): number {
    return this.start + ((x - left) / width) * this.span;
  }
}
