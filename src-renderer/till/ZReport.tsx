import { useTranslation } from 'react-i18next';
import type { TillSession } from '../../src-shared/domain/till';
import { formatLongDate } from '../lib/time';
import { signed, useTillFormat } from './till-format';

/** The Z report of a till session: what the desk prints at the close and keeps. */
export function ZReport({ session }: { session: TillSession }) {
  const { t } = useTranslation();
  const f = useTillFormat();
  const rate = (bp: number) => `${(bp / 100).toLocaleString()} %`;
  return (
    <article className="print-sheet z-report" aria-labelledby="z-report-title">
      <header className="print-head">
        <div>
          <h1 id="z-report-title">
            {t('till.z.title')} · {session.zNumber !== null ? t('till.z.number', { z: session.zNumber }) : t('till.stateOpen')}
          </h1>
          {session.issuer && (
            <p className="print-sub">
              {session.issuer.legalName} · {session.issuer.taxId}
            </p>
          )}
          <p className="print-sub">
            {t('till.desk')}: {session.deskName} · {t('till.businessDate')}: {formatLongDate(session.businessDate)}
          </p>
        </div>
      </header>
      <p>{session.openedBy ? t('till.z.openedBy', { name: session.openedBy, at: f.at(session.openedAt) }) : t('till.z.openedAt', { at: f.at(session.openedAt) })}</p>
      {session.closedAt && <p>{session.closedBy ? t('till.z.closedBy', { name: session.closedBy, at: f.at(session.closedAt) }) : t('till.z.closedAt', { at: f.at(session.closedAt) })}</p>}
      <p>
        {t('till.floatLine', { amount: f.money(session.floatMinor) })} · {t('till.salesCount', { count: session.salesCount, voids: session.voidsCount })}
      </p>

      <table className="data-table z-methods">
        <thead>
          <tr>
            <th scope="col">{t('till.method')}</th>
            <th scope="col" className="num">{t('till.expected')}</th>
            <th scope="col" className="num">{t('till.counted')}</th>
            <th scope="col" className="num">{t('till.difference')}</th>
            <th scope="col">{t('till.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {session.methods.map((m) => (
            <tr key={m.method}>
              <th scope="row">{f.method(m)}</th>
              <td className="num">{f.money(m.expectedMinor)}</td>
              <td className="num">{m.countedMinor === null ? '—' : f.money(m.countedMinor)}</td>
              <td className="num">{m.differenceMinor === null ? '—' : signed(f.money(m.differenceMinor), m.differenceMinor)}</td>
              <td>{m.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {session.cashCount && session.cashCount.length > 0 && (
        <section>
          <h2>{t('till.cashCount')}</h2>
          <table className="data-table z-count">
            <thead>
              <tr>
                <th scope="col">{t('till.denomination')}</th>
                <th scope="col" className="num">{t('till.count')}</th>
                <th scope="col" className="num">{t('till.subtotal')}</th>
              </tr>
            </thead>
            <tbody>
              {session.cashCount.map((c) => (
                <tr key={c.denominationMinor}>
                  <th scope="row">{f.money(c.denominationMinor)}</th>
                  <td className="num">{c.count}</td>
                  <td className="num">{f.money(c.denominationMinor * c.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section>
        <h2>{t('till.movements')}</h2>
        {session.movements.length === 0 ? (
          <p>{t('till.noMovements')}</p>
        ) : (
          <ul className="z-list">
            {session.movements.map((m) => (
              <li key={m.id}>
                {m.kind === 'in' ? t('till.movementIn') : t('till.movementOut')} {f.money(m.amountMinor)} · {m.reason} · {f.at(m.at)}
                {m.staffName ? ` · ${m.staffName}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section>
        <h2>{t('till.z.documents')}</h2>
        {session.documents.series.length === 0 ? (
          <p>{t('till.z.noDocuments')}</p>
        ) : (
          <table className="data-table z-documents">
            <thead>
              <tr>
                <th scope="col">{t('till.z.series')}</th>
                <th scope="col">{t('till.z.first')}</th>
                <th scope="col">{t('till.z.last')}</th>
                <th scope="col" className="num">{t('till.z.docCount')}</th>
                <th scope="col" className="num">{t('till.z.total')}</th>
              </tr>
            </thead>
            <tbody>
              {session.documents.series.map((s) => (
                <tr key={s.series}>
                  <th scope="row">{s.series}</th>
                  <td>{s.firstNumber}</td>
                  <td>{s.lastNumber}</td>
                  <td className="num">{s.count}</td>
                  <td className="num">{f.money(s.totalMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {session.documents.correctives.length > 0 && (
          <>
            <h3>{t('till.z.correctives')}</h3>
            <ul className="z-list">
              {session.documents.correctives.map((c) => (
                <li key={c.fullNumber}>
                  {c.fullNumber} · {t('till.z.corrects', { number: c.corrects })} · {f.money(c.totalMinor)}
                  {c.reason ? ` · ${c.reason}` : ''}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {session.taxes.length > 0 && (
        <section>
          <h2>{t('till.z.taxes')}</h2>
          <table className="data-table z-taxes">
            <thead>
              <tr>
                <th scope="col">{t('till.z.rate')}</th>
                <th scope="col" className="num">{t('till.z.base')}</th>
                <th scope="col" className="num">{t('till.z.tax')}</th>
                <th scope="col" className="num">{t('till.z.total')}</th>
              </tr>
            </thead>
            <tbody>
              {session.taxes.map((x) => (
                <tr key={x.rateBp}>
                  <th scope="row">{rate(x.rateBp)}</th>
                  <td className="num">{f.money(x.baseMinor)}</td>
                  <td className="num">{f.money(x.taxMinor)}</td>
                  <td className="num">{f.money(x.baseMinor + x.taxMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {session.corrections.length > 0 && (
        <section>
          <h2>{t('till.z.corrections')}</h2>
          <ul className="z-list">
            {session.corrections.map((c) => (
              <li key={c.id}>
                {f.method(c)} {signed(f.money(c.amountMinor), c.amountMinor)} · {c.reason} · {t('till.z.correctionBy', { name: c.staffName ?? '—', at: f.at(c.at) })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
