import { useTranslation } from 'react-i18next';
import { FieldGroup } from '../agenda/form/Field';
import { weekdayNames } from '../lib/time';
import { RangeInputs } from './RangeInputs';
import { newKey, type RangeDraft } from './time-ranges';

interface WeeklyGridProps {
  /** One list per weekday, Monday first. */
  week: RangeDraft[][];
  onChange: (week: RangeDraft[][]) => void;
  /** An error about the ranges as a whole. */
  error: string | undefined;
  /** The message beside one range, by its key. */
  rangeErrors: ReadonlyMap<number, string>;
}

const workingDays = [0, 1, 2, 3, 4];

/** The schedule's weekly hours: a row per weekday with its ranges; a day's hours can be copied to Monday–Friday. */
export function WeeklyGrid({ week, onChange, error, rangeErrors }: WeeklyGridProps) {
  const { t } = useTranslation();
  const names = weekdayNames('long');
  const setDay = (day: number, ranges: RangeDraft[]) => onChange(week.map((r, i) => (i === day ? ranges : r)));
  const copyToWorkingDays = (from: number) => {
    const source = week[from] ?? [];
    onChange(week.map((ranges, i) => (i !== from && workingDays.includes(i) ? source.map((r) => ({ ...r, key: newKey() })) : ranges)));
  };
  return (
    <FieldGroup id="schedule-ranges" legend={t('schedules.weeklyHours')} error={error}>
      <p className="hint">{t('schedules.weeklyHint')}</p>
      <div className="week-grid">
        {names.map((name, day) => {
          const ranges = week[day] ?? [];
          return (
            <div key={name} role="group" aria-labelledby={`schedule-day-${day + 1}`} className="week-day">
              <span id={`schedule-day-${day + 1}`} className="week-day-name">
                {name}
              </span>
              <RangeInputs
                idPrefix="schedule-range"
                owner={name}
                ranges={ranges}
                onChange={(r) => setDay(day, r)}
                errors={rangeErrors}
                extra={
                  ranges.length > 0 && (
                    <button
                      type="button"
                      className="button button-small week-day-copy"
                      aria-label={t('schedules.copyToWorkingDaysFor', { day: name })}
                      onClick={() => copyToWorkingDays(day)}
                    >
                      {t('schedules.copyToWorkingDays')}
                    </button>
                  )
                }
              />
            </div>
          );
        })}
      </div>
    </FieldGroup>
  );
}
