import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { TillSession } from '../../src-shared/domain/till';
import { call } from '../api/client';
import { ErrorBanner, FieldError, useErrorText } from '../components/bits';
import { fieldAria } from '../components/TextField';
import { parseMoney } from '../lib/money';
import { signed, useTillFormat } from './till-format';

/** The form's own field of an API error's path (the count of a note, a method's amount or reason). */
function fieldOf(path: string | undefined, others: readonly string[]): string | null {
  if (!path) return null;
  const count = /^cash\.counts\.(\d+)$/.exec(path);
  if (count) return `count-${count[1]}`;
  if (path === 'cash.reason') return 'reason-cash';
  const indexed = /^methods\.(\d+)\.(reason|countedMinor)$/.exec(path);
  if (indexed) return `${indexed[2] === 'reason' ? 'reason' : 'counted'}-${others[Number(indexed[1])] ?? ''}`;
  const named = /^methods\.(.+)$/.exec(path);
  if (named) return `counted-${named[1]}`;
  return null;
}

/**
 * The close: the cash counted note by note and coin by coin (its total live), every other method's
 * amount, and a reason beside each method whose count differs from what was expected.
 */
export function CloseForm({ session, onClosed }: { session: TillSession; onClosed: (closed: TillSession) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const f = useTillFormat();
  const errorText = useErrorText();
  const others = session.methods.filter((m) => m.method !== 'cash');
  const cash = session.methods.find((m) => m.method === 'cash');
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [counted, setCounted] = useState<Record<string, string>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  const countOf = (d: number) => {
    const text = (counts[d] ?? '').trim();
    return text === '' ? 0 : /^\d+$/.test(text) ? Number(text) : null;
  };
  const cashTotal = session.denominationsMinor.reduce((sum, d) => sum + d * (countOf(d) ?? 0), 0);
  const amountOf = (method: string) => {
    const text = (counted[method] ?? '').trim();
    return text === '' ? null : parseMoney(text, f.currency);
  };
  const differenceOf = (method: string, expected: number) => {
    const value = method === 'cash' ? cashTotal : amountOf(method);
    return value === null ? null : value - expected;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const mine: Record<string, string> = {};
    for (const d of session.denominationsMinor) if (countOf(d) === null) mine[`count-${d}`] = t('till.invalidCount');
    for (const m of others) if (amountOf(m.method) === null) mine[`counted-${m.method}`] = t('till.invalidAmount');
    // Reasons the form can already see are missing (main checks them all the same).
    for (const m of session.methods) {
      const diff = differenceOf(m.method, m.expectedMinor);
      if (diff !== null && diff !== 0 && !(reasons[m.method] ?? '').trim()) mine[`reason-${m.method}`] = t('till.reasonRequired');
    }
    if (Object.keys(mine).length > 0) {
      setErrors(mine);
      return;
    }
    setBusy(true);
    const answer = await call('till.close', {
      sessionId: session.id,
      cash: {
        counts: Object.fromEntries(session.denominationsMinor.map((d) => [String(d), countOf(d) ?? 0]).filter(([, n]) => Number(n) > 0)),
        ...(reasons.cash?.trim() ? { reason: reasons.cash.trim() } : {}),
      },
      methods: others.map((m) => ({ method: m.method as 'card', countedMinor: amountOf(m.method) ?? 0, ...(reasons[m.method]?.trim() ? { reason: reasons[m.method]!.trim() } : {}) })),
    });
    setBusy(false);
    if (answer.ok) {
      onClosed(answer.value);
      return;
    }
    const all: Record<string, string> = {};
    for (const entry of answer.error.fields ?? [answer.error]) {
      const field = fieldOf(entry.field, others.map((m) => m.method));
      if (field && !(field in all)) all[field] = errorText(entry as ApiError);
    }
    setErrors(all);
    setBanner(Object.keys(all).length === 0 ? answer.error : undefined);
  };

  const reasonField = (method: string, label: string, diff: number | null) =>
    diff !== null && diff !== 0 ? (
      <div className="field till-reason">
        <label htmlFor={`${id}-reason-${method}`}>{t('till.reasonFor', { method: label })}</label>
        <input id={`${id}-reason-${method}`} value={reasons[method] ?? ''} maxLength={300} onChange={(e) => setReasons({ ...reasons, [method]: e.target.value })} {...fieldAria(`${id}-reason-${method}`, errors[`reason-${method}`])} />
        <FieldError id={`${id}-reason-${method}-error`} message={errors[`reason-${method}`]} />
      </div>
    ) : (
      <FieldError id={`${id}-reason-${method}-error`} message={errors[`reason-${method}`]} />
    );

  const cashDiff = cash ? cashTotal - cash.expectedMinor : null;
  return (
    <form className="till-close" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{t('till.closeTitle')}</h2>
      <p className="hint">{t('till.closeHint')}</p>
      <ErrorBanner error={banner} onClose={() => setBanner(undefined)} />
      <fieldset className="till-count">
        <legend>{t('till.cashCount')}</legend>
        <div className="till-count-grid">
          {session.denominationsMinor.map((d) => {
            const fid = `${id}-count-${d}`;
            const n = countOf(d);
            return (
              <div key={d} className="till-count-cell">
                <label htmlFor={fid}>{f.money(d)}</label>
                <input id={fid} inputMode="numeric" aria-label={t('till.countOf', { value: f.money(d) })} value={counts[d] ?? ''} onChange={(e) => setCounts({ ...counts, [d]: e.target.value })} {...fieldAria(fid, errors[`count-${d}`])} />
                <span className="till-count-sub">{n ? f.money(n * d) : ''}</span>
                <FieldError id={`${fid}-error`} message={errors[`count-${d}`]} />
              </div>
            );
          })}
        </div>
        <p className="till-line" data-testid="till-cash-total">
          <strong>{t('till.cashTotal')}:</strong> {f.money(cashTotal)} · {t('till.expected')}: {f.money(cash?.expectedMinor ?? 0)} · {t('till.difference')}:{' '}
          <span data-testid="till-cash-difference">{signed(f.money(cashDiff ?? 0), cashDiff ?? 0)}</span>
        </p>
        {reasonField('cash', f.method({ method: 'cash' }), cashDiff)}
      </fieldset>
      {others.length > 0 && (
        <fieldset className="till-others">
          <legend>{t('till.otherMethods')}</legend>
          {others.map((m) => {
            const fid = `${id}-counted-${m.method}`;
            const diff = differenceOf(m.method, m.expectedMinor);
            const label = f.method(m);
            return (
              <div key={m.method} className="till-method">
                <div className="field">
                  <label htmlFor={fid}>{t('till.countedOf', { method: label })}</label>
                  <input id={fid} inputMode="decimal" value={counted[m.method] ?? ''} onChange={(e) => setCounted({ ...counted, [m.method]: e.target.value })} {...fieldAria(fid, errors[`counted-${m.method}`])} />
                  <FieldError id={`${fid}-error`} message={errors[`counted-${m.method}`]} />
                </div>
                <p className="till-line">
                  {t('till.expected')}: {f.money(m.expectedMinor)} · {t('till.difference')}: {diff === null ? '—' : signed(f.money(diff), diff)}
                </p>
                {reasonField(m.method, label, diff)}
              </div>
            );
          })}
        </fieldset>
      )}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('till.closing') : t('till.closeConfirm')}
      </button>
    </form>
  );
}
