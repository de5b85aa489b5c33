// Console tag colours: a categorical palette kept apart from the state palette, so a tag never reads as a state.
// Each colour has a light and a dark variant, both at least 4.5:1 against the console's background and its
// highlighted line in their theme (light: #f3f1ec and #e3eef6; dark: #23272c and #1f2d38, from site.css).
const light = ["#5b5fc7", "#b0307a", "#7b3fa0", "#8d5a3b", "#00727d", "#546e7a", "#a31545", "#6b6b2a"];
const dark = ["#a3a6f0", "#ef8cc4", "#c99ae8", "#d9a27e", "#4fc9d4", "#a5bcc7", "#ff8f9a", "#c4c46a"];

/** Each lane's two variants as one CSS colour, built once (a console writes one per line). */
const both = light.map((color, i) => `light-dark(${color}, ${dark[i]})`);

/** The colour of the `index`th lane in the light or the dark theme. */
export function laneColor(index: number, darkTheme = false): string {
  const palette = darkTheme ? dark : light;
  return palette[index % palette.length]!;
}

/**
 * Colours an element (a console tag) with both variants as one `light-dark()` value, which follows the element's colour
 * scheme (the theme) by itself. The light one is set first: a browser without light-dark() (Safari < 17.5, Chrome < 123)
 * rejects the second assignment and keeps it, where it would otherwise show every lane in the same ink.
 */
export function colorByLane(style: { color: string }, index: number): void {
  style.color = laneColor(index);
  style.color = both[index % both.length]!;
}
