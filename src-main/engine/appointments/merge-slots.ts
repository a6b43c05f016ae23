import type { FreeSlot, SlotOption } from '../../../src-shared/domain/appointments';
import { timeOfMinutes } from './wall-clock';

/**
 * How many professionals a start of "any professional" names (by name); that others are free at it too is
 * only said (moreOptions). The desk shows a time once with a few names: 400 options per start help nobody.
 */
export const optionsPerStart = 3;

/** Whose slots a schedule offers. */
export interface SlotOffer {
  staffId: string;
  staffName: string;
  scheduleId: string;
}

interface MergedStart {
  localDate: string;
  minute: number;
  kept: { offer: SlotOffer; endMs: number }[];
  more: number;
  lastStaffId: string;
}

/**
 * Free slots of many schedules merged by start: one FreeSlot per instant, in time order. Schedules must
 * come with a professional's together (readSchedules orders them so): a professional free at a start in
 * two schedules is one option, the first schedule's. A start keeps the first `keep` professionals in the
 * order their schedules come and counts the rest, so no option object is made for those.
 */
export class SlotMerger {
  private readonly starts = new Map<number, MergedStart>();

  constructor(private readonly keep: number) {}

  add(offer: SlotOffer, startMs: number, endMs: number, localDate: string, minute: number): void {
    let start = this.starts.get(startMs);
    if (!start) {
      start = { localDate, minute, kept: [], more: 0, lastStaffId: '' };
      this.starts.set(startMs, start);
    }
    // A repeat of the same professional can only be the last one seen at this start.
    if (start.lastStaffId === offer.staffId) return;
    start.lastStaffId = offer.staffId;
    if (start.kept.length < this.keep) start.kept.push({ offer, endMs });
    else start.more++;
  }

  /** Distinct professionals seen free at a start so far. */
  foundAt(startMs: number): number {
    const start = this.starts.get(startMs);
    return start ? start.kept.length + start.more : 0;
  }

  /** moreOptions only where some were left out: an answer for one professional is as it always was. */
  slots(): FreeSlot[] {
    // Many options end where others start: format each instant once.
    const isoOf = new Map<number, string>();
    const iso = (ms: number) => {
      let text = isoOf.get(ms);
      if (text === undefined) isoOf.set(ms, (text = new Date(ms).toISOString()));
      return text;
    };
    return [...this.starts.keys()]
      .sort((a, b) => a - b)
      .map((startMs) => {
        const { localDate, minute, kept, more } = this.starts.get(startMs)!;
        const options = kept.map(({ offer, endMs }): SlotOption => ({ staffId: offer.staffId, staffName: offer.staffName, scheduleId: offer.scheduleId, endsAt: iso(endMs) }));
        const slot: FreeSlot = { startsAt: iso(startMs), localDate, localStart: timeOfMinutes(minute), options };
        if (more > 0) slot.moreOptions = true;
        return slot;
      });
  }
}
