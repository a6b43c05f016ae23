import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { formatLongDate, weekdayNames } from '../../lib/time';
import { Field, FieldGroup } from './Field';
import { extentOf, type FormField, type SeriesFormState } from './series-form';

interface Props {
  state: SeriesFormState;
  set: (patch: Partial<SeriesFormState>) => void;
  errors: Partial<Record<FormField, string>>;
  /** Say how many occurrences the series will have and when the last one is (a new series). */
  showExtent?: boolean;
}

/** None, or weekly on chosen weekdays (L M X J V S D), every N weeks, never ending / for N weeks / until a date. */
export function RecurrenceFields({ state, set, errors, showExtent = false }: Props) {
  const { t } = useTranslation();
  const narrow = weekdayNames('narrow');
  const long = weekdayNames('long');
  const toggleDay = (day: number) => set({ weekdays: state.weekdays.includes(day) ? state.weekdays.filter((d) => d !== day) : [...state.weekdays, day] });
  return (
    <FieldGroup id="series-recurrence" legend={t('seriesForm.recurrence')} error={errors.recurrence}>
      <div className="radio-row">
        <label className="checkbox">
          <input type="radio" name="series-repeat" checked={!state.repeat} onChange={() => set({ repeat: false })} />
          {t('seriesForm.noRecurrence')}
        </label>
        <label className="checkbox">
          <input type="radio" name="series-repeat" checked={state.repeat} onChange={() => set({ repeat: true })} />
          {t('seriesForm.weekly')}
        </label>
      </div>
      {state.repeat && (
        <div className="stack recurrence-details">
          <FieldGroup id="series-weekdays" legend={t('seriesForm.weekdays')} error={errors['recurrence.weekdays']}>
            <div className="weekday-toggles">
              {long.map((name, i) => (
                <button
                  key={name}
                  type="button"
                  className="weekday-toggle"
                  aria-pressed={state.weekdays.includes(i + 1)}
                  aria-label={name}
                  title={name}
                  onClick={() => toggleDay(i + 1)}
                >
                  {narrow[i]}
                </button>
              ))}
            </div>
          </FieldGroup>
          <Field id="series-interval" label={t('seriesForm.intervalWeeks')} error={errors['recurrence.intervalWeeks']} className="field-narrow">
            {(aria) => <input {...aria} type="number" min={1} max={52} value={state.intervalWeeks} onChange={(e) => set({ intervalWeeks: e.target.value })} />}
          </Field>
          <FieldGroup id="series-ends" legend={t('seriesForm.ends')} error={errors['recurrence.end']}>
            <div className="stack ends-options">
              <label className="checkbox">
                <input type="radio" name="series-end" checked={state.endKind === 'never'} onChange={() => set({ endKind: 'never' })} />
                {t('seriesForm.endsNever')}
              </label>
              <EndOption kind="weeks" label={t('seriesForm.endsWeeks')} inputId="series-end-weeks" inputLabel={t('seriesForm.endWeeks')} state={state} set={set}>
                <input id="series-end-weeks" type="number" min={1} max={520} value={state.endWeeks} onChange={(e) => set({ endWeeks: e.target.value })} />
              </EndOption>
              <EndOption kind="until" label={t('seriesForm.endsUntil')} inputId="series-end-date" inputLabel={t('seriesForm.endDate')} state={state} set={set}>
                <DateField id="series-end-date" value={state.endDate} onChange={(endDate) => set({ endDate })} />
              </EndOption>
            </div>
          </FieldGroup>
          {showExtent && <SeriesExtent state={state} />}
        </div>
      )}
    </FieldGroup>
  );
}

/** "8 sesiones; la última, el miércoles, 5 de febrero de 2025.", before saving. */
function SeriesExtent({ state }: { state: SeriesFormState }) {
  const { t } = useTranslation();
  const { repeat, startDate, weekdays, intervalWeeks, endKind, endWeeks, endDate } = state;
  // Counted again when the rule changes, not on every key of the title.
  const extent = useMemo(
    () => extentOf({ repeat, startDate, weekdays, intervalWeeks, endKind, endWeeks, endDate }),
    [repeat, startDate, weekdays, intervalWeeks, endKind, endWeeks, endDate],
  );
  return (
    <p id="series-extent" className="hint" aria-live="polite">
      {extent && t('seriesForm.extent', { count: extent.count, date: formatLongDate(extent.lastDate) })}
    </p>
  );
}

interface EndOptionProps {
  kind: 'weeks' | 'until';
  label: string;
  /** The id of the input that says when, and its hidden label. */
  inputId: string;
  inputLabel: string;
  state: SeriesFormState;
  set: (patch: Partial<SeriesFormState>) => void;
  /** That input, shown while this end is chosen. */
  children: ReactNode;
}

/** A way for the series to end that needs a value: its radio, and the input for the value once chosen. */
function EndOption({ kind, label, inputId, inputLabel, state, set, children }: EndOptionProps) {
  return (
    <div className="end-option">
      <label className="checkbox">
        <input type="radio" name="series-end" checked={state.endKind === kind} onChange={() => set({ endKind: kind })} />
        {label}
      </label>
      {state.endKind === kind && (
        <span className="field field-inline">
          <label htmlFor={inputId} className="visually-hidden">
            {inputLabel}
          </label>
          {children}
        </span>
      )}
    </div>
  );
}
