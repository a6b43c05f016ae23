import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DailyListRow } from '../../src-shared/domain/agenda';
import { useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { printPage } from '../checkout/print-page';
import { ErrorBanner } from '../components/bits';
import { DateField } from '../components/DateField';
import { formatPhone } from '../lib/format';
import { href, navigate } from '../lib/router';
import { formatDateTime, formatLongDate, todayIn } from '../lib/time';
import { useDesk } from '../staff/desk-context';
import { StaffOptions } from '../staff/StaffOptions';

/** The daily list: who comes, when, to what and whom, flagged notes; printed on A4 or saved as PDF. */
export function DailyListPage({ date: asked, staffId }: { date?: string; staffId?: string }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const { staff, staffById } = useDesk();
  const toast = useToast();
  const date = asked ?? todayIn(settings.timeZone);
  const list = useQuery('agenda.dailyList', { date, ...(staffId ? { staffId } : {}) });
  const dateId = useId();
  const staffFieldId = useId();
  const bridge = window.mostrador;
  const professional = staffById(staffId);
  const rows = list.data?.rows ?? [];

  const pdf = async () => {
    const saved = await bridge?.printToPdf?.(`${t('dailyList.title')} ${date}${professional ? ` ${professional.name}` : ''}.pdf`);
    if (saved) toast(t('dailyList.pdfSaved'));
  };

  return (
    <section className="page daily-list-page">
      <div className="no-print stack">
        <a className="back-link" href={href({ page: 'agenda' })}>
          ← {t('dailyList.back')}
        </a>
        <div className="daily-list-controls panel">
          <div className="field">
            <label htmlFor={dateId}>{t('dailyList.date')}</label>
            <DateField id={dateId} value={date} required onChange={(d) => d && navigate({ page: 'daily-list', date: d, staffId })} />
          </div>
          <div className="field">
            <label htmlFor={staffFieldId}>{t('dailyList.professional')}</label>
            <select id={staffFieldId} value={staffId ?? ''} onChange={(e) => navigate({ page: 'daily-list', date, staffId: e.target.value || undefined })}>
              <option value="">{t('dailyList.allStaff')}</option>
              <StaffOptions staff={staff} />
            </select>
          </div>
          <div className="daily-list-buttons">
            <button type="button" className="button button-primary" onClick={printPage}>
              {t('dailyList.print')}
            </button>
            {bridge?.printToPdf && (
              <button type="button" className="button" onClick={() => void pdf()}>
                {t('dailyList.pdf')}
              </button>
            )}
          </div>
        </div>
      </div>
      <article className="print-sheet" aria-labelledby="daily-list-title">
        <header className="print-head">
          <div>
            <h1 id="daily-list-title">
              {t('dailyList.title')} · {formatLongDate(date)}
            </h1>
            <p className="print-sub">
              {settings.name}
              {professional && ` · ${professional.name}`}
              {list.data && ` · ${t('dailyList.count', { count: rows.length })}`}
            </p>
          </div>
          <p className="print-only print-stamp">{t('dailyList.printedAt', { when: formatDateTime(new Date().toISOString(), settings.timeZone) })}</p>
        </header>
        <ErrorBanner error={list.error} />
        {list.data && rows.length === 0 ? <p className="empty">{t('dailyList.empty')}</p> : <DailyTables rows={rows} />}
      </article>
    </section>
  );
}

/** The booked first; the waitlist in a table of its own below (a waiting client is not expected at the door). */
function DailyTables({ rows }: { rows: DailyListRow[] }) {
  const { t } = useTranslation();
  const booked = rows.filter((r) => r.status !== 'waitlisted');
  const waiting = rows.filter((r) => r.status === 'waitlisted');
  return (
    <>
      <h2 className="daily-section-title">{t('dailyList.booked')}</h2>
      {booked.length ? <DailyTable rows={booked} label={t('dailyList.booked')} /> : <p className="empty">{t('dailyList.empty')}</p>}
      {waiting.length > 0 && (
        <>
          <h2 className="daily-section-title">{t('dailyList.waitlist')}</h2>
          <DailyTable rows={waiting} label={t('dailyList.waitlist')} />
        </>
      )}
    </>
  );
}

function DailyTable({ rows, label }: { rows: DailyListRow[]; label: string }) {
  const { t } = useTranslation();
  return (
    <table className="table daily-table" aria-label={label}>
      <colgroup>
        <col className="daily-col-tick" />
        <col span={7} />
        <col className="daily-col-notes" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">
            <span aria-hidden="true">✓</span>
            <span className="visually-hidden">{t('dailyList.colTick')}</span>
          </th>
          <th scope="col">{t('dailyList.colTime')}</th>
          <th scope="col">{t('dailyList.colClient')}</th>
          <th scope="col">{t('dailyList.colPhone')}</th>
          <th scope="col">{t('dailyList.colWhat')}</th>
          <th scope="col">{t('dailyList.colPlaces')}</th>
          <th scope="col">{t('dailyList.colProfessional')}</th>
          <th scope="col">{t('dailyList.colStatus')}</th>
          <th scope="col">{t('dailyList.colNotes')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${r.kind}-${r.appointmentId ?? r.occurrenceId ?? ''}-${r.clientId}-${i}`} className={r.notes ? 'row-flagged' : undefined}>
            <td className="daily-tick">
              <input type="checkbox" aria-label={t('dailyList.tick', { name: r.clientName })} />
            </td>
            <td className="nowrap">
              {r.time}–{r.endTime}
            </td>
            <td>
              <strong>{r.clientName}</strong>
            </td>
            <td className="nowrap">{formatPhone(r.phone)}</td>
            <td>
              {r.kind === 'appointment' && <span className="kind-badge kind-appointment">{t('appointments.kindAppointment')}</span>} {r.what}
            </td>
            <td>
              {r.places &&
                (r.places.of === null ? String(r.places.held) : `${r.places.held}/${r.places.of}`) +
                  (r.places.waiting ? ` + ${t('dailyList.waiting', { count: r.places.waiting })}` : '')}
            </td>
            <td>{r.professional}</td>
            <td>{r.kind === 'appointment' && r.status !== 'waitlisted' ? t(`appointments.status.${r.status}`) : t(`occurrence.status.${r.status}`)}</td>
            <td className="daily-notes">
              {r.notes && (
                <span className="note-cell">
                  <span aria-label={t('dailyList.noteFlag')} role="img">
                    ⚠
                  </span>{' '}
                  {r.notes}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
