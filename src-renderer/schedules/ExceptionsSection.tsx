import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { ScheduleException } from '../../src-shared/domain/appointments';
import { call, useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { ErrorBanner } from '../components/bits';
import { PanelSection } from '../components/PanelSection';
import { addDays, formatLongDate, todayIn } from '../lib/time';
import { useDesk } from '../staff/desk-context';
import { StaffOptions } from '../staff/StaffOptions';
import { ExceptionForm } from './ExceptionForm';
import { formatRange } from './time-ranges';

/** How far ahead the list of exceptions looks: a year (the API answers at most 400 days at once). */
const LOOK_AHEAD_DAYS = 365;

/** Ajustes › Días libres y horarios especiales: a professional's upcoming exceptions, add and remove. */
export function ExceptionsSection() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const { activeStaff, deskStaffId, staffById } = useDesk();
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const today = todayIn(settings.timeZone);
  const staffId = chosen || (activeStaff.some((s) => s.id === deskStaffId) ? (deskStaffId ?? '') : (activeStaff[0]?.id ?? ''));
  const staff = staffById(staffId);
  const exceptions = useQuery('schedules.exceptions', staffId ? { staffId, from: today, to: addDays(today, LOOK_AHEAD_DAYS) } : null);
  const schedules = useQuery('schedules.list', staffId ? { staffId, includeInactive: true } : null);

  const scheduleName = (id: string | null) => (id === null ? t('schedules.allSchedules') : (schedules.data?.find((s) => s.id === id)?.name ?? '—'));
  const describe = (x: ScheduleException) => (x.kind === 'day_off' ? t('schedules.dayOff') : t('schedules.hoursOn', { ranges: x.ranges.map(formatRange).join(', ') }));

  const remove = async (x: ScheduleException) => {
    const r = await call('schedules.removeException', { id: x.id });
    setError(r.ok ? undefined : r.error);
  };

  return (
    <PanelSection id="settings-exceptions" title={t('schedules.exceptionsTitle')} className="settings-section exceptions-section">
      <p className="hint">{t('schedules.exceptionsHint')}</p>
      {activeStaff.length === 0 ? (
        <p className="muted">{t('schedules.noProfessionals')}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor="exception-staff">{t('schedules.professional')}</label>
            <select id="exception-staff" value={staffId} onChange={(e) => setChosen(e.target.value)}>
              <StaffOptions staff={activeStaff} chosen={staff} />
            </select>
          </div>
          <ErrorBanner error={exceptions.error ?? error} onClose={error ? () => setError(undefined) : undefined} />
          {exceptions.data?.length === 0 && <p className="muted">{t('schedules.exceptionNone', { name: staff?.name ?? '' })}</p>}
          <ul className="settings-list" aria-label={t('schedules.exceptionsOf', { name: staff?.name ?? '' })}>
            {exceptions.data?.map((x) => (
              <li key={x.id} className="settings-row" aria-label={formatLongDate(x.date)}>
                <span className="settings-row-main">
                  <strong>{formatLongDate(x.date)}</strong>
                  <span className="small">
                    {describe(x)} · {scheduleName(x.scheduleId)}
                  </span>
                  {x.note && <span className="small muted">{x.note}</span>}
                </span>
                <span className="row-actions">
                  <button
                    type="button"
                    className="button button-small button-danger-outline"
                    aria-label={t('schedules.exceptionRemoveFor', { date: formatLongDate(x.date) })}
                    onClick={() => void remove(x)}
                  >
                    {t('schedules.remove')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
          <h3 className="exceptions-add-title">{t('schedules.exceptionNew', { name: staff?.name ?? '' })}</h3>
          <ExceptionForm key={staffId} staffId={staffId} schedules={schedules.data ?? []} defaultDate={addDays(today, 1)} />
        </>
      )}
    </PanelSection>
  );
}
