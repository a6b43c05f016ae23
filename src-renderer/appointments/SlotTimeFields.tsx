import { OverrideFields } from './OverrideFields';
import type { SlotChoice } from './slot-choice';
import { SlotPicker } from './SlotPicker';

interface SlotTimeFieldsProps {
  /** The dialog's id prefix: the times are `${prefix}-startsAt`, the override's time `${prefix}-overrideTime` (useSlotDialog focuses them). */
  prefix: string;
  choice: SlotChoice;
  onChange: (patch: Partial<SlotChoice>) => void;
  timeZone: string;
  /** The start's error: under the free times, or under the override's time while it is used. */
  error: string | undefined;
}

/** The free times to pick from, and the staff override with a time of its own. */
export function SlotTimeFields({ prefix, choice, onChange, timeZone, error }: SlotTimeFieldsProps) {
  return (
    <>
      <SlotPicker id={`${prefix}-startsAt`} choice={choice} onChange={onChange} timeZone={timeZone} error={choice.override ? undefined : error} />
      <OverrideFields id={`${prefix}-overrideTime`} choice={choice} onChange={onChange} error={choice.override ? error : undefined} />
    </>
  );
}
