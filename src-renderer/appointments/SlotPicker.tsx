import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlotsInput } from '../../src-shared/api/appointments';
import type { FreeSlot, SlotOption } from '../../src-shared/domain/appointments';
import { call } from '../api/client';
import { ErrorBanner, FieldError } from '../components/bits';
import { addDays, formatLongDate, formatTime, todayIn } from '../lib/time';
import type { SlotChoice } from './slot-choice';
import { byPartOfDay, distinctOptions, mondayOf, slotAt } from './slot-times';
import { DayStrip } from './DayStrip';
import { useFreeSlots } from './useFreeSlots';
import { useStartOptions } from './useStartOptions';

/** How far "next day with free times" looks ahead (slots.find takes at most 62 days). */
const lookAheadDays = 60;

interface SlotPickerProps {
  choice: SlotChoice;
  onChange: (patch: Partial<SlotChoice>) => void;
  timeZone: string;
  /** The error of the picked time (startsAt), shown under the times. */
  error: string | undefined;
  /** The id the times' error gets (`${id}-error`) and focus goes to. */
  id: string;
}

function slotsInput(choice: SlotChoice, from: string, to: string): SlotsInput {
  return {
    serviceId: choice.serviceId,
    from,
    to,
    ...(choice.staffId ? { staffId: choice.staffId } : {}),
    ...(choice.stepMin ? { stepMin: choice.stepMin } : {}),
    ...(choice.movingAppointmentId ? { exceptAppointmentId: choice.movingAppointmentId } : {}),
  };
}

/** The day strip and the free times of the chosen day, morning and afternoon; each names who is free when "any". */
export function SlotPicker({ choice, onChange, timeZone, error, id }: SlotPickerProps) {
  const { t } = useTranslation();
  const today = todayIn(timeZone);
  const monday = mondayOf(choice.date);
  const week = useFreeSlots(choice.serviceId ? slotsInput(choice, monday, addDays(monday, 6)) : null);
  const daySlots = useMemo(() => week.slots?.filter((s) => s.localDate === choice.date), [week.slots, choice.date]);
  const { wantedTime, chosen } = choice;
  const startOptions = useStartOptions(chosen, choice.serviceId ? slotsInput(choice, choice.date, choice.date) : null);

  // A click on the team view's empty time picks the free slot there, once the day is known.
  useEffect(() => {
    if (!wantedTime || !daySlots) return;
    const slot = slotAt(daySlots, wantedTime, choice.staffId || undefined);
    const option = slot && (distinctOptions(slot).find((o) => o.staffId === choice.staffId) ?? slot.options[0]);
    onChange(slot && option ? { wantedTime: null, chosen: { slot, option } } : { wantedTime: null, overrideTime: wantedTime });
  }, [wantedTime, daySlots, choice.staffId, onChange]);

  // A new booking opens on the first day with free times: a full today moves on to the next day that has some.
  const firstFreeInput = choice.firstFree && choice.serviceId && !choice.override && !wantedTime ? slotsInput(choice, choice.date, addDays(choice.date, lookAheadDays - 1)) : null;
  const firstFreeKey = firstFreeInput ? JSON.stringify(firstFreeInput) : '';
  useEffect(() => {
    if (!firstFreeKey) return;
    let live = true;
    const input = JSON.parse(firstFreeKey) as SlotsInput;
    void call('slots.find', input).then((r) => {
      if (!live) return;
      const first = r.ok ? r.value[0] : undefined;
      onChange(first && first.localDate !== input.from ? { date: first.localDate, firstFree: false } : { firstFree: false });
    });
    return () => {
      live = false;
    };
  }, [firstFreeKey, onChange]);

  // A picked time taken meanwhile (another desk booked it) is dropped. A professional the start only
  // counts (moreOptions) is checked against everyone free at it, once that list is in.
  useEffect(() => {
    if (!chosen || !daySlots) return;
    const slot = daySlots.find((s) => s.startsAt === chosen.slot.startsAt);
    const named = slot?.options.some((o) => o.staffId === chosen.option.staffId) === true;
    const counted = slot?.moreOptions === true && (!startOptions.complete || startOptions.options.some((o) => o.staffId === chosen.option.staffId));
    if (!named && !counted) onChange({ chosen: null });
  }, [chosen, daySlots, startOptions, onChange]);

  return (
    <div className="book-box slot-picker">
      <DayStrip date={choice.date} today={today} weekSlots={choice.serviceId ? week.slots : undefined} onDate={(date) => onChange({ date })} />
      <ErrorBanner error={week.error} />
      <section id={id} tabIndex={-1} className="slot-times" aria-label={t('appointments.timesOf', { date: formatLongDate(choice.date) })} aria-describedby={error ? `${id}-error` : undefined}>
        {!choice.serviceId ? (
          <p className="muted">{t('appointments.pickServiceFirst')}</p>
        ) : !daySlots ? (
          !week.error && <p className="muted">{t('appointments.loadingTimes')}</p>
        ) : daySlots.length === 0 ? (
          <NoTimes choice={choice} onDate={(date) => onChange({ date })} />
        ) : (
          byPartOfDay(daySlots).map((group) => (
            <div key={group.part} className="slot-group" role="group" aria-label={t(`appointments.${group.part}`)}>
              <h4 className="slot-group-title">{t(`appointments.${group.part}`)}</h4>
              <div className="slot-buttons">
                {group.slots.map((slot) => (
                  <SlotButton key={slot.startsAt} slot={slot} any={!choice.staffId} chosen={chosen?.slot.startsAt === slot.startsAt} timeZone={timeZone} onPick={onChange} />
                ))}
              </div>
            </div>
          ))
        )}
      </section>
      <FieldError id={`${id}-error`} message={error} />
      {chosen && <ChosenSummary choice={choice} options={startOptions.options} timeZone={timeZone} onChange={onChange} />}
    </div>
  );
}

function SlotButton({ slot, any, chosen, timeZone, onPick }: { slot: FreeSlot; any: boolean; chosen: boolean; timeZone: string; onPick: (patch: Partial<SlotChoice>) => void }) {
  const { t } = useTranslation();
  const time = formatTime(slot.startsAt, timeZone);
  const options = distinctOptions(slot);
  const listed = options.map((o) => o.staffName).join(', ');
  // "Any professional" names the first few free at the time and says how many more are.
  const names = slot.moreOptions ? t('appointments.namesAndMore', { names: listed }) : listed;
  const first = options[0];
  if (!first) return null;
  return (
    <button
      type="button"
      className="slot-button"
      aria-pressed={chosen}
      aria-label={any ? t('appointments.slotWith', { time, names }) : undefined}
      title={any ? names : undefined}
      onClick={() => onPick({ chosen: { slot, option: first } })}
    >
      <span className="slot-time">{time}</span>
      {any && <span className="slot-who">{names}</span>}
    </button>
  );
}

/** The day has no free time: jump to the next day that has some. */
function NoTimes({ choice, onDate }: { choice: SlotChoice; onDate: (date: string) => void }) {
  const { t } = useTranslation();
  const [none, setNone] = useState(false);
  useEffect(() => setNone(false), [choice.date, choice.serviceId, choice.staffId]);
  const findNext = async () => {
    const from = addDays(choice.date, 1);
    const r = await call('slots.find', slotsInput(choice, from, addDays(from, lookAheadDays - 1)));
    const first = r.ok ? r.value[0] : undefined;
    if (first) onDate(first.localDate);
    else setNone(true);
  };
  return (
    <div className="slot-empty">
      <p className="muted">{t('appointments.noTimes')}</p>
      {none ? (
        <p className="muted" role="status">
          {t('appointments.noneAhead', { count: lookAheadDays })}
        </p>
      ) : (
        <button type="button" className="button button-small" onClick={() => void findNext()}>
          {t('appointments.nextFree')}
        </button>
      )}
    </div>
  );
}

/** The picked time in words, and whom, when several are free at it (`options`: everyone free at it). */
function ChosenSummary({ choice, options, timeZone, onChange }: { choice: SlotChoice; options: SlotOption[]; timeZone: string; onChange: (patch: Partial<SlotChoice>) => void }) {
  const { t } = useTranslation();
  const withId = useId();
  const chosen = choice.chosen;
  if (!chosen) return null;
  const when = t('appointments.chosenWhen', {
    date: formatLongDate(chosen.slot.localDate),
    from: formatTime(chosen.slot.startsAt, timeZone),
    to: formatTime(chosen.option.endsAt, timeZone),
  });
  return (
    <div className="slot-chosen" role="status">
      <span>
        <span className="muted">{t('appointments.chosen')}: </span>
        <strong>{when}</strong>
      </span>
      {options.length > 1 ? (
        <span className="field field-inline">
          <label htmlFor={withId}>{t('appointments.chosenWith')}</label>
          <select
            id={withId}
            value={chosen.option.staffId}
            onChange={(e) => {
              const option = options.find((o) => o.staffId === e.target.value);
              if (option) onChange({ chosen: { slot: chosen.slot, option } });
            }}
          >
            {options.map((o) => (
              <option key={o.staffId} value={o.staffId}>
                {o.staffName}
              </option>
            ))}
          </select>
        </span>
      ) : (
        <span>
          <span className="muted">{t('appointments.chosenWith')}: </span>
          {chosen.option.staffName}
        </span>
      )}
    </div>
  );
}
