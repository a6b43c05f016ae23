import type { AgendaRangeInput } from '../../src-shared/api/agenda';
import type { AgendaKind } from '../../src-shared/domain/agenda';

export const agendaKinds: AgendaKind[] = ['session', 'appointment', 'meeting', 'private', 'reminder', 'birthday'];

/** What the agenda shows: whose entries, which kinds, recurring or one-off. Applied by agenda.range. */
export interface AgendaFilters {
  staff: { mode: 'all' } | { mode: 'mine' } | { mode: 'chosen'; ids: string[] };
  kinds: AgendaKind[];
  recurrence: 'all' | 'recurring' | 'one_off';
}

export const noFilters: AgendaFilters = { staff: { mode: 'all' }, kinds: agendaKinds, recurrence: 'all' };

/** The staff ids to ask for; undefined for all. "Mi calendario" with nobody at the desk shows nobody's. */
export function staffIdsOf(filters: AgendaFilters, deskStaffId: string | null): string[] | undefined {
  switch (filters.staff.mode) {
    case 'all':
      return undefined;
    case 'mine':
      return deskStaffId ? [deskStaffId] : [];
    case 'chosen':
      return filters.staff.ids;
  }
}

export function rangeInput(from: string, to: string, filters: AgendaFilters, deskStaffId: string | null): AgendaRangeInput {
  const input: AgendaRangeInput = { from, to };
  const staffIds = staffIdsOf(filters, deskStaffId);
  if (staffIds) input.staffIds = staffIds;
  if (filters.kinds.length < agendaKinds.length) input.kinds = filters.kinds;
  if (filters.recurrence !== 'all') input.recurrence = filters.recurrence;
  return input;
}

export function isFiltered(filters: AgendaFilters): boolean {
  return filters.staff.mode !== 'all' || filters.kinds.length < agendaKinds.length || filters.recurrence !== 'all';
}
