import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentSchedule } from '../../src-shared/domain/appointments';
import { RowActions } from '../components/RowActions';
import { weekdayNames } from '../lib/time';
import { weekSummary } from './week-summary';

interface ScheduleRowProps {
  schedule: AppointmentSchedule;
  serviceName: (id: string) => string;
  onEdit: () => void;
  onDelete: () => void;
  /** Resolves with whether the change was saved. */
  onSetActive: (active: boolean) => Promise<boolean>;
}

/** One schedule in the list: its name, services, length and buffers, a line for the week, Active, Edit and Delete. */
export function ScheduleRow({ schedule: s, serviceName, onEdit, onDelete, onSetActive }: ScheduleRowProps) {
  const { t } = useTranslation();
  const nameId = useId();
  // The box follows the click at once; the list catches up when it reloads (or the box goes back on an error).
  const [pending, setPending] = useState<boolean | null>(null);
  if (pending !== null && pending === s.active) setPending(null);
  const active = pending ?? s.active;
  const toggle = () => {
    setPending(!active);
    void onSetActive(!active).then((ok) => ok || setPending(null));
  };
  const facts = [
    s.serviceIds.map(serviceName).join(', '),
    t('schedules.minutes', { count: s.durationMin }),
    s.bufferBeforeMin > 0 && t('schedules.bufferBeforeSummary', { count: s.bufferBeforeMin }),
    s.bufferAfterMin > 0 && t('schedules.bufferAfterSummary', { count: s.bufferAfterMin }),
    s.redeemableWithPasses && t('schedules.withPasses'),
    s.visibility === 'tags' && t('schedules.onlyWithTags'),
  ].filter(Boolean);
  const week = weekSummary(s.ranges, weekdayNames('short'));
  return (
    <li className={`settings-row schedule-row${active ? '' : ' settings-row-inactive'}`} aria-labelledby={nameId}>
      <span className="settings-row-main">
        <strong id={nameId}>{s.name}</strong>
        <span className="small muted">{facts.join(' · ')}</span>
        <span className="schedule-week">{week || t('schedules.noHours')}</span>
      </span>
      <label className="checkbox small schedule-active">
        <input type="checkbox" checked={active} aria-label={t('schedules.activeFor', { name: s.name })} onChange={toggle} />
        <span aria-hidden="true">{t('schedules.active')}</span>
      </label>
      <RowActions editLabel={t('schedules.edit', { name: s.name })} deleteLabel={t('schedules.delete', { name: s.name })} onEdit={onEdit} onDelete={onDelete} />
    </li>
  );
}
