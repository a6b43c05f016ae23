import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../components/bits';
import { fieldAria } from '../components/TextField';
import { rangeAfter, type RangeDraft } from './time-ranges';

interface RangeInputsProps {
  /** Prefix of the inputs' ids: `${idPrefix}-${key}-start`. */
  idPrefix: string;
  /** What the ranges belong to, in their accessible names ("lunes", "el 24 de diciembre"). */
  owner: string;
  ranges: RangeDraft[];
  onChange: (ranges: RangeDraft[]) => void;
  /** The message beside one range, by its key. */
  errors: ReadonlyMap<number, string>;
  /** More buttons beside "+". */
  extra?: ReactNode;
}

/** The ranges of one day as pairs of time inputs, each with a bin; "+" adds one after the last. */
export function RangeInputs({ idPrefix, owner, ranges, onChange, errors, extra }: RangeInputsProps) {
  const { t } = useTranslation();
  const next = rangeAfter(ranges.at(-1));
  const update = (key: number, patch: Partial<RangeDraft>) => onChange(ranges.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <div className="range-list">
      {ranges.map((r, i) => {
        const id = `${idPrefix}-${r.key}`;
        const error = errors.get(r.key);
        const names = { n: i + 1, owner };
        return (
          <div key={r.key} className="range-item">
            <div className="range-inputs">
              <input
                id={`${id}-start`}
                type="time"
                step={300}
                value={r.start}
                aria-label={t('schedules.rangeStart', names)}
                onChange={(e) => update(r.key, { start: e.target.value })}
                {...fieldAria(id, error)}
              />
              <span aria-hidden="true">–</span>
              <input
                id={`${id}-end`}
                type="time"
                step={300}
                value={r.end}
                aria-label={t('schedules.rangeEnd', names)}
                onChange={(e) => update(r.key, { end: e.target.value })}
                {...fieldAria(id, error)}
              />
              <button
                type="button"
                className="icon-button range-remove"
                aria-label={t('schedules.rangeRemove', names)}
                title={t('schedules.rangeRemoveShort')}
                onClick={() => onChange(ranges.filter((x) => x.key !== r.key))}
              >
                <BinIcon />
              </button>
            </div>
            <FieldError id={`${id}-error`} message={error} />
          </div>
        );
      })}
      <div className="range-actions">
        {ranges.length === 0 && <span className="range-none muted">{t('schedules.noRanges')}</span>}
        <button
          type="button"
          className="button button-small range-add"
          aria-label={t('schedules.rangeAdd', { owner })}
          title={t('schedules.rangeAddShort')}
          disabled={!next}
          onClick={() => next && onChange([...ranges, next])}
        >
          +
        </button>
        {extra}
      </div>
    </div>
  );
}

function BinIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M3 6h18M8 6V4h8v2M19 6l-1 14H6L5 6M10 11v6M14 11v6" />
    </svg>
  );
}
