import { useMemo } from 'react';
import type { SlotsInput } from '../../src-shared/api/appointments';
import type { SlotOption } from '../../src-shared/domain/appointments';
import type { ChosenSlot } from './slot-choice';
import { distinctOptions } from './slot-times';
import { useFreeSlots } from './useFreeSlots';

export interface StartOptions {
  options: SlotOption[];
  /** Whether `options` is everyone free at the start (false while the rest load). */
  complete: boolean;
}

/**
 * Everyone free at the picked start, for "Con": a start of "any professional" names only a few, so when
 * it counts more, the whole list is asked for that one start (`at`), and asked again after a write like the times.
 */
export function useStartOptions(chosen: ChosenSlot | null, dayInput: SlotsInput | null): StartOptions {
  const slot = chosen?.slot;
  const wanted = slot && dayInput && slot.moreOptions ? { ...dayInput, from: slot.localDate, to: slot.localDate, at: slot.startsAt } : null;
  const all = useFreeSlots(wanted);
  const asked = wanted !== null;
  return useMemo(() => {
    if (!slot) return { options: [], complete: true };
    if (!asked) return { options: distinctOptions(slot), complete: true };
    if (!all.slots) return { options: distinctOptions(slot), complete: false };
    return { options: all.slots[0]?.options ?? [], complete: true };
  }, [slot, asked, all.slots]);
}
