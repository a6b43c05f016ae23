import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { TillSession } from '../../src-shared/domain/till';
import { call, useQuery } from '../api/client';
import { useSettings } from '../app/settings-context';
import { useToast } from '../app/toasts';
import { printPage } from '../checkout/print-page';
import { ErrorBanner, FieldError, PageHeader, useErrorText } from '../components/bits';
import { fieldAria } from '../components/TextField';
import { parseMoney } from '../lib/money';
import { href } from '../lib/router';
import { addDays, formatLongDate, todayIn } from '../lib/time';
import { useSession } from '../sign-in/session-context';
import { CloseForm } from './CloseForm';
import { CorrectDialog } from './CorrectDialog';
import { signed, useTillFormat } from './till-format';
import { ZReport } from './ZReport';
import '../styles/till.css';

/** Caja del día: open the till with a float, cash in and out, the running figures, the close and its Z report. */
export function TillPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const current = useQuery('till.current', id ? null : {});
  const past = useQuery('till.get', id ? { id } : null);
  const query = id ? past : current;
  const session = query.data ?? null;

  return (
    <section className="page till-page">
      <div className="no-print">
        <PageHeader title={t('till.title')}>{id && <a href={href({ page: 'till' })}>{t('till.backToToday')}</a>}</PageHeader>
        <ErrorBanner error={query.error} />
      </div>
      {/* A write reloads the session (other windows' writes reload it by themselves). */}
      {query.data !== undefined && !query.error && <TillBody session={session} onChanged={query.reload} />}
      {!id && <History />}
    </section>
  );
}

function TillBody({ session, onChanged }: { session: TillSession | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const { state } = useSession();
  const toast = useToast();
  const [correcting, setCorrecting] = useState(false);
  const manager = !state.pinsOn || state.role === 'owner' || state.role === 'manager';

  if (session === null) return <OpenForm text={t('till.none')} label={t('till.open')} onOpened={onChanged} />;
  if (session.state === 'closed') {
    return (
      <>
        <div className="no-print till-actions">
          <button type="button" className="button button-primary" onClick={printPage}>
            {t('till.z.print')}
          </button>
          {manager && (
            <button type="button" className="button" onClick={() => setCorrecting(true)}>
              {t('till.correct')}
            </button>
          )}
        </div>
        <ZReport session={session} />
        {correcting && (
          <CorrectDialog
            session={session}
            onClose={() => setCorrecting(false)}
            onDone={() => {
              setCorrecting(false);
              onChanged();
            }}
          />
        )}
        <div className="no-print">
          <OpenForm label={t('till.openNext')} onOpened={onChanged} />
        </div>
      </>
    );
  }
  return (
    <div className="no-print till-open">
      <Running session={session} />
      <MovementForm onDone={onChanged} />
      <CloseForm
        session={session}
        onClosed={(closed) => {
          toast(t('till.closed', { z: closed.zNumber }));
          onChanged();
        }}
      />
    </div>
  );
}

function Running({ session }: { session: TillSession }) {
  const { t } = useTranslation();
  const f = useTillFormat();
  return (
    <section className="till-running" aria-labelledby="till-running-title">
      <h2 id="till-running-title">
        {t('till.running')} · {formatLongDate(session.businessDate)} · {t('till.stateOpen')}
      </h2>
      <p>
        {t('till.floatLine', { amount: f.money(session.floatMinor) })} · {t('till.salesCount', { count: session.salesCount, voids: session.voidsCount })}
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('till.method')}</th>
            <th scope="col" className="num">{t('till.sales')}</th>
            <th scope="col" className="num">{t('till.voids')}</th>
            <th scope="col" className="num">{t('till.expected')}</th>
          </tr>
        </thead>
        <tbody>
          {session.methods.map((m) => (
            <tr key={m.method}>
              <th scope="row">{f.method(m)}</th>
              <td className="num">{f.money(m.salesMinor)}</td>
              <td className="num">{m.voidsMinor ? signed(f.money(-m.voidsMinor), -m.voidsMinor) : '—'}</td>
              <td className="num" data-testid={`till-expected-${m.method}`}>
                {f.money(m.expectedMinor)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('till.movements')}</h3>
      {session.movements.length === 0 ? (
        <p>{t('till.noMovements')}</p>
      ) : (
        <ul className="z-list">
          {session.movements.map((m) => (
            <li key={m.id}>
              {m.kind === 'in' ? t('till.movementIn') : t('till.movementOut')} {f.money(m.amountMinor)} · {m.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function useFieldErrors() {
  const errorText = useErrorText();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<ApiError | undefined>();
  const show = (error: ApiError, fields: readonly string[]) => {
    const all: Record<string, string> = {};
    for (const e of error.fields ?? [error]) if (e.field && fields.includes(e.field) && !(e.field in all)) all[e.field] = errorText(e as ApiError);
    setErrors(all);
    setBanner(Object.keys(all).length === 0 ? error : undefined);
  };
  return { errors, setErrors, banner, setBanner, show };
}

function OpenForm({ text, label, onOpened }: { text?: string; label: string; onOpened: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const f = useTillFormat();
  const [float, setFloat] = useState('');
  const [busy, setBusy] = useState(false);
  const e = useFieldErrors();
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const minor = float.trim() === '' ? 0 : parseMoney(float, f.currency);
    if (minor === null || minor < 0) return e.setErrors({ floatMinor: t('till.invalidAmount') });
    setBusy(true);
    const r = await call('till.open', { floatMinor: minor });
    setBusy(false);
    if (r.ok) onOpened();
    else e.show(r.error, ['floatMinor']);
  };
  return (
    <form className="till-open-form" onSubmit={(ev) => void submit(ev)} noValidate>
      {text && <p>{text}</p>}
      <p className="hint">{t('till.openHint')}</p>
      <ErrorBanner error={e.banner} onClose={() => e.setBanner(undefined)} />
      <div className="field">
        <label htmlFor={`${id}-float`}>{t('till.float')}</label>
        <input id={`${id}-float`} inputMode="decimal" value={float} onChange={(ev) => setFloat(ev.target.value)} {...fieldAria(`${id}-float`, e.errors.floatMinor)} />
        <FieldError id={`${id}-float-error`} message={e.errors.floatMinor} />
      </div>
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('till.opening') : label}
      </button>
    </form>
  );
}

function MovementForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const f = useTillFormat();
  const [kind, setKind] = useState<'in' | 'out'>('out');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const e = useFieldErrors();
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const minor = parseMoney(amount, f.currency);
    const mine: Record<string, string> = {};
    if (minor === null || minor <= 0) mine.amountMinor = t('till.invalidAmount');
    if (!reason.trim()) mine.reason = t('till.reasonRequired');
    if (Object.keys(mine).length > 0) return e.setErrors(mine);
    setBusy(true);
    const r = await call('till.movement', { kind, amountMinor: minor ?? 0, reason: reason.trim() });
    setBusy(false);
    if (!r.ok) return e.show(r.error, ['amountMinor', 'reason']);
    e.setErrors({});
    setAmount('');
    setReason('');
    onDone();
  };
  return (
    <form className="till-movement" onSubmit={(ev) => void submit(ev)} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{t('till.movementTitle')}</h2>
      <ErrorBanner error={e.banner} onClose={() => e.setBanner(undefined)} />
      <div className="till-movement-row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('till.movementKind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(ev) => setKind(ev.target.value === 'in' ? 'in' : 'out')}>
            <option value="in">{t('till.movementIn')}</option>
            <option value="out">{t('till.movementOut')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-amount`}>{t('till.amount')}</label>
          <input id={`${id}-amount`} inputMode="decimal" value={amount} onChange={(ev) => setAmount(ev.target.value)} {...fieldAria(`${id}-amount`, e.errors.amountMinor)} />
          <FieldError id={`${id}-amount-error`} message={e.errors.amountMinor} />
        </div>
        <div className="field till-movement-reason">
          <label htmlFor={`${id}-reason`}>{t('till.movementReason')}</label>
          <input id={`${id}-reason`} value={reason} maxLength={200} onChange={(ev) => setReason(ev.target.value)} {...fieldAria(`${id}-reason`, e.errors.reason)} />
          <FieldError id={`${id}-reason-error`} message={e.errors.reason} />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t('till.addMovement')}
        </button>
      </div>
    </form>
  );
}

/** The desk's closes of the last 31 days, each a link to its Z report. */
function History() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const today = todayIn(settings.timeZone);
  const list = useQuery('till.list', { from: addDays(today, -31), to: addDays(today, 1) });
  const closed = (list.data ?? []).filter((s) => s.state === 'closed');
  return (
    <section className="no-print till-history" aria-labelledby="till-history-title">
      <h2 id="till-history-title">{t('till.history')}</h2>
      {closed.length === 0 ? (
        <p>{t('till.noHistory')}</p>
      ) : (
        <ul>
          {closed.map((s) => (
            <li key={s.id}>
              <a href={href({ page: 'till', id: s.id })}>
                {formatLongDate(s.businessDate)} · {t('till.z.number', { z: s.zNumber })} · {s.deskName}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
