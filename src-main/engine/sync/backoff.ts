/**
 * How long to wait before retry number `attempt` (0 for the first): "full jitter" — a random
 * time between 0 and the exponential ceiling, so desks that lost the server together do not
 * come back together.
 */
export function fullJitterDelay(attempt: number, random: () => number, options: { baseMs: number; capMs: number }): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
