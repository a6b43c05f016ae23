import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../components/bits';
import { fieldAria } from '../components/TextField';
import type { SlotChoice } from './slot-choice';

interface OverrideFieldsProps {
  id: string;
  choice: SlotChoice;
  onChange: (patch: Partial<SlotChoice>) => void;
  /** The error of the start (startsAt) while the override's own time is used. */
  error: string | undefined;
}

/** Staff only: book outside the hours or over a busy time, at a time typed freely (recorded on the appointment). */
export function OverrideFields({ id, choice, onChange, error }: OverrideFieldsProps) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <div className="override-fields">
      <label className="checkbox">
        <input type="checkbox" checked={choice.override} aria-describedby={hintId} onChange={(e) => onChange({ override: e.target.checked })} />
        {t('appointments.override')}
      </label>
      <p id={hintId} className="hint">
        {t('appointments.overrideHint')}
      </p>
      {choice.override && (
        <div className="field field-inline">
          <label htmlFor={id}>{t('appointments.overrideTime')}</label>
          <input id={id} type="time" step={300} value={choice.overrideTime} onChange={(e) => onChange({ overrideTime: e.target.value })} {...fieldAria(id, error)} />
        </div>
      )}
      {choice.override && <FieldError id={`${id}-error`} message={error} />}
    </div>
  );
}
