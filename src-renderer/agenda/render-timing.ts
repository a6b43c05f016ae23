/**
 * Marks for the `ui.month.render` benchmark: from the agenda asking for a range (the agenda.range
 * fetch) through its data turning into calendar events to the calendar painted with them.
 * Cheap enough to leave on (three marks per fetch).
 */
export function markAgendaFetch(): void {
  performance.mark('agenda:fetch');
}

export function markAgendaData(): void {
  performance.mark('agenda:data');
}

/** Called once the events are handed to the calendar: measures after the next painted frame. */
export function measureAgendaPainted(eventCount: number): void {
  requestAnimationFrame(() => {
    // The frame after the one that painted the events.
    requestAnimationFrame(() => {
      if (performance.getEntriesByName('agenda:data', 'mark').length === 0) return;
      // From the latest fetch when there was one: the span the desk waits, not only the paint.
      const start = performance.getEntriesByName('agenda:fetch', 'mark').length > 0 ? 'agenda:fetch' : 'agenda:data';
      performance.measure('agenda:render', { start, detail: { events: eventCount } });
    });
  });
}
