import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { PageHeader } from '../components/bits';
import { DateField } from '../components/DateField';
import { formatDate } from '../lib/format';
import { href } from '../lib/router';
import { addMonths, endOfMonth, startOfMonth, todayIn } from '../lib/time';
import { useDesk } from '../staff/desk-context';
import { StaffOptions } from '../staff/StaffOptions';
import { FiguresStrip } from './FiguresStrip';

/** "Agendadas": the agenda's key figures for any date range. */
export function ScheduledPage() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const { staff } = useDesk();
  const today = todayIn(settings.timeZone);
  const [from, setFrom] = useState(startOfMonth(today));
  const [to, setTo] = useState(endOfMonth(today));
  const [staffId, setStaffId] = useState('');
  const fromId = useId();
  const toId = useId();
  const staffFieldId = useId();
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to);
  const figures = useQuery('agenda.figures', valid ? { from, to, ...(staffId ? { staffIds: [staffId] } : {}) } : null);

  const lastMonth = addMonths(startOfMonth(today), -1);
  const presets: { label: string; from: string; to: string }[] = [
    { label: t('scheduled.thisMonth'), from: startOfMonth(today), to: endOfMonth(today) },
    { label: t('scheduled.lastMonth'), from: lastMonth, to: endOfMonth(lastMonth) },
    { label: t('scheduled.thisYear'), from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` },
  ];

  return (
    <section className="page scheduled-page">
      <a className="back-link" href={href({ page: 'agenda' })}>
        ← {t('scheduled.back')}
      </a>
      <PageHeader title={t('scheduled.title')} />
      <p className="hint">{t('appointments.scheduledHint')}</p>
      <div className="panel scheduled-controls">
        <div className="field">
          <label htmlFor={fromId}>{t('scheduled.from')}</label>
          <DateField id={fromId} value={from} max={to} required onChange={setFrom} />
        </div>
        <div className="field">
          <label htmlFor={toId}>{t('scheduled.to')}</label>
          <DateField id={toId} value={to} min={from} required onChange={setTo} />
        </div>
        <div className="field">
          <label htmlFor={staffFieldId}>{t('scheduled.professional')}</label>
          <select id={staffFieldId} value={staffId} onChange={(e) => setStaffId(e.target.value)}>
            <option value="">{t('scheduled.allStaff')}</option>
            <StaffOptions staff={staff} />
          </select>
        </div>
        <div className="segmented" role="group" aria-label={t('scheduled.presets')}>
          {presets.map((p) => (
            <button
              key={p.label}
              type="button"
              className="segment"
              aria-pressed={p.from === from && p.to === to}
              onClick={() => {
                setFrom(p.from);
                setTo(p.to);
              }}
            >
              {p.label}
            </button>
          ))}
        </div>
      </div>
      <FiguresStrip title={`${t('figures.rangeTitle')}: ${formatDate(from)} – ${formatDate(to)}`} figures={figures.data} error={figures.error} large />
    </section>
  );
}
