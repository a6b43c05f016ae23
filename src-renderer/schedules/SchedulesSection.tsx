import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { AppointmentSchedule } from '../../src-shared/domain/appointments';
import { call, useQuery } from '../api/client';
import { useToast } from '../app/toasts';
import { ErrorBanner } from '../components/bits';
import { CallDialog } from '../components/CallDialog';
import { PanelSection } from '../components/PanelSection';
import { useDesk } from '../staff/desk-context';
import { ScheduleEditorDialog } from './ScheduleEditorDialog';
import { ScheduleRow } from './ScheduleRow';

type Editing = { schedule: AppointmentSchedule | null; staffId: string } | null;

/** Ajustes › Horarios de citas: each professional's schedules, with New, Edit, Delete and Active. */
export function SchedulesSection() {
  const { t } = useTranslation();
  const toast = useToast();
  const { activeStaff } = useDesk();
  const schedules = useQuery('schedules.list', { includeInactive: true });
  const services = useQuery('services.list', { includeInactive: true });
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<AppointmentSchedule | null>(null);
  const [error, setError] = useState<ApiError | undefined>();

  const serviceName = useMemo(() => {
    const names = new Map((services.data ?? []).map((s) => [s.id, s.name]));
    return (id: string) => names.get(id) ?? '—';
  }, [services.data]);

  // The list comes by professional; one group each, in that order.
  const groups = useMemo(() => {
    const byStaff = new Map<string, { staffId: string; staffName: string; items: AppointmentSchedule[] }>();
    for (const s of schedules.data ?? []) {
      const group = byStaff.get(s.staffId) ?? { staffId: s.staffId, staffName: s.staffName, items: [] };
      group.items.push(s);
      byStaff.set(s.staffId, group);
    }
    return [...byStaff.values()];
  }, [schedules.data]);

  const setActive = async (s: AppointmentSchedule, active: boolean) => {
    const r = await call('schedules.update', { id: s.id, active });
    setError(r.ok ? undefined : r.error);
    return r.ok;
  };

  const saved = (s: AppointmentSchedule) => {
    setEditing(null);
    toast(t('schedules.saved', { name: s.name }));
  };

  const onlyProfessional = activeStaff.length === 1 ? (activeStaff[0]?.id ?? '') : '';

  return (
    <PanelSection id="settings-schedules" title={t('schedules.title')} className="settings-section schedules-section">
      <div className="schedules-head">
        <p className="hint">{t('schedules.hint')}</p>
        <button type="button" className="button button-primary" onClick={() => setEditing({ schedule: null, staffId: onlyProfessional })}>
          {t('schedules.new')}
        </button>
      </div>
      <ErrorBanner error={schedules.error ?? error} onClose={error ? () => setError(undefined) : undefined} />
      {schedules.data?.length === 0 && <p className="muted">{t('schedules.none')}</p>}
      {groups.map((g) => (
        <section key={g.staffId} className="schedule-group" aria-labelledby={`schedule-group-${g.staffId}`}>
          <div className="schedule-group-head">
            <h3 id={`schedule-group-${g.staffId}`}>{g.staffName}</h3>
            <button
              type="button"
              className="button button-small"
              aria-label={t('schedules.newFor', { name: g.staffName })}
              onClick={() => setEditing({ schedule: null, staffId: g.staffId })}
            >
              {t('schedules.addAnother')}
            </button>
          </div>
          <ul className="settings-list" aria-label={t('schedules.listOf', { name: g.staffName })}>
            {g.items.map((s) => (
              <ScheduleRow
                key={s.id}
                schedule={s}
                serviceName={serviceName}
                onEdit={() => setEditing({ schedule: s, staffId: s.staffId })}
                onDelete={() => setDeleting(s)}
                onSetActive={(active) => setActive(s, active)}
              />
            ))}
          </ul>
        </section>
      ))}
      {editing && <ScheduleEditorDialog schedule={editing.schedule} staffId={editing.staffId} onSaved={saved} onClose={() => setEditing(null)} />}
      {deleting && (
        <CallDialog
          title={t('schedules.deleteTitle', { name: deleting.name })}
          confirmLabel={t('schedules.deleteConfirm')}
          text={t('schedules.deleteText', { staff: deleting.staffName })}
          action={() => call('schedules.delete', { id: deleting.id })}
          onClose={() => setDeleting(null)}
          onDone={() => {
            setDeleting(null);
            toast(t('schedules.deleted', { name: deleting.name }));
          }}
        />
      )}
    </PanelSection>
  );
}
