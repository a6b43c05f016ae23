import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import { call, useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { ErrorBanner } from '../components/bits';
import { DateField } from '../components/DateField';
import { PanelSection } from '../components/PanelSection';
import { TextField } from '../components/TextField';
import { Field } from '../agenda/form/Field';
import { formatLongDate, todayIn } from '../lib/time';
import { CallForm, SubmitButton } from '../settings/CallForm';

/** Ajustes › Festivos del centro: dates the whole centre is closed (no appointment slots). */
export function HolidaysSection() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const today = todayIn(settings.timeZone);
  const holidays = useQuery('holidays.list', { from: today });
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | undefined>();

  const remove = async (holiday: string) => {
    const r = await call('holidays.remove', { date: holiday });
    setError(r.ok ? undefined : r.error);
  };

  return (
    <PanelSection id="settings-holidays" title={t('schedules.holidaysTitle')} className="settings-section holidays-section">
      <p className="hint">{t('schedules.holidaysHint')}</p>
      <ErrorBanner error={holidays.error ?? error} onClose={error ? () => setError(undefined) : undefined} />
      {holidays.data?.length === 0 && <p className="muted">{t('schedules.holidayNone')}</p>}
      <ul className="settings-list" aria-label={t('schedules.holidaysTitle')}>
        {holidays.data?.map((h) => (
          <li key={h.date} className="settings-row" aria-label={h.name}>
            <span className="settings-row-main">
              <strong>{h.name}</strong>
              <span className="small muted">{formatLongDate(h.date)}</span>
            </span>
            <span className="row-actions">
              <button
                type="button"
                className="button button-small button-danger-outline"
                aria-label={t('schedules.holidayRemoveFor', { name: h.name, date: formatLongDate(h.date) })}
                onClick={() => void remove(h.date)}
              >
                {t('schedules.remove')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <CallForm
        fields={['date', 'name']}
        send={() => call('holidays.set', { date, name })}
        onSuccess={() => {
          setDate('');
          setName('');
        }}
        inline
        actions={<SubmitButton text={t('schedules.holidayAdd')} />}
      >
        {(fieldErrors) => (
          <>
            <TextField id="holiday-name" label={t('schedules.holidayName')} value={name} maxLength={80} error={fieldErrors.name} onChange={setName} />
            <Field id="holiday-date" label={t('schedules.holidayDate')} error={fieldErrors.date}>
              {(aria) => <DateField {...aria} value={date} onChange={setDate} />}
            </Field>
          </>
        )}
      </CallForm>
    </PanelSection>
  );
}
