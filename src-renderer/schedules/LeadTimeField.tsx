import { useTranslation } from 'react-i18next';
import { FieldError } from '../components/bits';
import { fieldAria } from '../components/TextField';
import { leadUnits, type LeadUnit } from './schedule-form';

interface LeadTimeFieldProps {
  value: string;
  unit: LeadUnit;
  onChange: (patch: { leadTime?: string; leadUnit?: LeadUnit }) => void;
  error: string | undefined;
}

/** How soon before its start an appointment may still be booked: a number and its unit (minutes, hours, days). */
export function LeadTimeField({ value, unit, onChange, error }: LeadTimeFieldProps) {
  const { t } = useTranslation();
  const id = 'schedule-leadTimeMin';
  return (
    <div className="field">
      <label htmlFor={id}>{t('schedules.leadTime')}</label>
      <div className="lead-time-inputs">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={0}
          value={value}
          onChange={(e) => onChange({ leadTime: e.target.value })}
          {...fieldAria(id, error, `${id}-hint`)}
        />
        <select aria-label={t('schedules.leadUnit')} value={unit} onChange={(e) => onChange({ leadUnit: e.target.value as LeadUnit })}>
          {leadUnits.map((u) => (
            <option key={u} value={u}>
              {t(`schedules.units.${u}`)}
            </option>
          ))}
        </select>
      </div>
      <p id={`${id}-hint`} className="hint">
        {t('schedules.leadTimeHint')}
      </p>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
