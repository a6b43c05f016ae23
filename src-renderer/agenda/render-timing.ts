/**
 * Marks for the `ui.month.render` benchmark: from the agenda's data turning into calendar events
 * to the calendar painted with them. Cheap enough to leave on (two marks per fetch).
 */
export function markAgendaData(): void {
  performance.mark('agenda:data');
}

/** Called once the events are handed to the calendar: measures after the next painted frame. */
export function measureAgendaPainted(eventCount: number): void {
  requestAnimationFrame(() => {
    // The frame after the one that painted the events.
    requestAnimationFrame(() => {
      if (performance.getEntriesByName('agenda:data', 'mark').length === 0) return;
      performance.measure('agenda:render', { start: 'agenda:data', detail: { events: eventCount } });
    });
  });
}
