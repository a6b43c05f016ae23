/** Colours handed out in turn when the desk does not choose one (tags, staff, session types). */
const palette = ['#e76f51', '#2a9d8f', '#e9c46a', '#8e7dbe', '#f4a261', '#457b9d', '#d62872', '#6a994e'];

export function paletteColour(index: number): string {
  return palette[index % palette.length]!;
}
