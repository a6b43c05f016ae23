import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../../src-shared/domain/staff';
import { canDeleteNote, canEditNote, canReadNote, visitCanHaveNote } from '../../src-main/engine/notes/note-rules';

const staffId = fc.option(fc.constantFrom('A', 'B', 'C'), { nil: null });
const role = fc.option(fc.constantFrom<StaffRole>('owner', 'manager', 'reception', 'professional'), { nil: null });
const note = fc.record({ authorId: staffId, visibility: fc.constantFrom('private' as const, 'shared' as const) }).filter((n) => n.visibility === 'shared' || n.authorId !== null);
const viewer = fc.record({ staffId, role });

describe('who may read, change and delete a note', () => {
  it('a private note is read by its author and by nobody else, whatever their role', () => {
    fc.assert(
      fc.property(note, viewer, (n, v) => {
        expect(canReadNote(n, v)).toBe(n.visibility === 'shared' || n.authorId === v.staffId);
        if (n.visibility === 'private' && n.authorId !== v.staffId) {
          expect(canEditNote(n, v) || canDeleteNote(n, v)).toBe(false);
        }
      }),
    );
  });

  it('only what one may read may be changed or deleted; only the author changes a signed note', () => {
    fc.assert(
      fc.property(note, viewer, (n, v) => {
        if (canEditNote(n, v) || canDeleteNote(n, v)) expect(canReadNote(n, v)).toBe(true);
        if (n.authorId !== null && canEditNote(n, v)) expect(v.staffId).toBe(n.authorId);
      }),
    );
  });

  it('owners and managers may take down a shared note, not change it', () => {
    const shared = { authorId: 'A', visibility: 'shared' as const };
    for (const r of ['owner', 'manager'] as const) {
      expect(canDeleteNote(shared, { staffId: 'B', role: r })).toBe(true);
      expect(canEditNote(shared, { staffId: 'B', role: r })).toBe(false);
    }
    expect(canDeleteNote(shared, { staffId: 'B', role: 'reception' })).toBe(false);
    expect(canDeleteNote(shared, { staffId: 'B', role: 'professional' })).toBe(false);
  });

  it('nobody in particular (no PINs, nobody chosen) reads only shared notes', () => {
    expect(canReadNote({ authorId: 'A', visibility: 'private' }, { staffId: null, role: 'owner' })).toBe(false);
    expect(canReadNote({ authorId: null, visibility: 'shared' }, { staffId: null, role: 'owner' })).toBe(true);
    // A note of "the desk" may be corrected by whoever is at it.
    expect(canEditNote({ authorId: null, visibility: 'shared' }, { staffId: null, role: 'owner' })).toBe(true);
  });
});

describe('which visits may take a note', () => {
  const now = '2027-03-03T08:00:00.000Z';
  it('one that has started and was held', () => {
    expect(visitCanHaveNote({ startsAt: '2027-03-02T09:00:00.000Z', status: 'attended', staffId: 'A' }, now)).toBe(true);
    expect(visitCanHaveNote({ startsAt: '2027-03-02T09:00:00.000Z', status: 'booked', staffId: 'A' }, now)).toBe(true);
    expect(visitCanHaveNote({ startsAt: now, status: 'booked', staffId: 'A' }, now)).toBe(true);
  });
  it('not one to come, cancelled, missed or only waited for', () => {
    expect(visitCanHaveNote({ startsAt: '2027-03-04T09:00:00.000Z', status: 'booked', staffId: 'A' }, now)).toBe(false);
    for (const status of ['cancelled', 'no_show', 'waitlisted']) expect(visitCanHaveNote({ startsAt: '2027-03-02T09:00:00.000Z', status, staffId: 'A' }, now)).toBe(false);
  });
});
