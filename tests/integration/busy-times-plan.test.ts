import { afterEach, beforeEach, expect, it } from 'vitest';
import { busyIntervalsQuery } from '../../src-main/db/queries/busy-times';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';

let api: TempApi;
beforeEach(async () => {
  api = await openTempApi();
});
afterEach(() => api.close());

// "Any professional" reads the busy times of hundreds of professionals per call: both halves must
// come from their covering indexes (migration 0021), never from the table rows or a scan.
it('reads busy times from the covering indexes alone, without a scan', () => {
  const { db, sqlite } = api.host.database;
  const window = { fromIso: '2027-03-01T00:00:00.000Z', toIso: '2027-04-01T00:00:00.000Z', exceptAppointmentId: 'moved' };
  // Moving an appointment leaves it out by id, which only its row holds: then the index finds the rows.
  for (const [w, appointmentsIndex] of [
    [{ fromIso: window.fromIso, toIso: window.toIso }, 'COVERING INDEX'],
    [window, 'INDEX'],
  ] as const) {
    const query = busyIntervalsQuery(['ana', 'bea', 'carla'], w).compile(db);
    const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as { detail: string }[]).map((r) => r.detail);
    expect(plan).toContainEqual(expect.stringMatching(new RegExp(`^SEARCH a USING ${appointmentsIndex} appointments_staff_busy \\(staff_id=\\? AND blocked_from>\\? AND blocked_from<\\?\\)`)));
    expect(plan).toContainEqual(expect.stringMatching(/^SEARCH o USING COVERING INDEX occurrences_organizer_busy \(organizer_id=\? AND starts_at>\? AND starts_at<\?\)/));
    expect(plan.filter((step) => /^SCAN (a|o)\b/.test(step))).toEqual([]);
  }
});
