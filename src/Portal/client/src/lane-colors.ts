// Console tag colours: a categorical palette kept apart from the state palette, so a tag never reads as a state.
const palette = ["#5b5fc7", "#b0307a", "#7b3fa0", "#8d5a3b", "#00838f", "#546e7a", "#a31545", "#6b6b2a"];

export function laneColor(index: number): string {
  return palette[index % palette.length]!;
}
