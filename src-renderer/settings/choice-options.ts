/** The options of a choice field as typed, one a line: trimmed, without blanks or repeats. */
export function parseOptions(text: string): string[] {
  return text
    .split('\n')
    .map((o) => o.trim())
    .filter((o, i, all) => o !== '' && all.indexOf(o) === i);
}
