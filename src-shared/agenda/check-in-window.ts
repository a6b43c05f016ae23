/**
 * Check-in opens a set time before the start (the centre's "check-in desde N minutos antes"): the
 * instant from which the desk may mark a client arrived. Shared by the API (which refuses earlier)
 * and the renderer (which only offers it from then).
 */
export function checkInOpensAt(startsAt: string, minutesBefore: number): number {
  return Date.parse(startsAt) - minutesBefore * 60_000;
}

export function checkInOpen(startsAt: string, minutesBefore: number, now: number = Date.now()): boolean {
  return now >= checkInOpensAt(startsAt, minutesBefore);
}
