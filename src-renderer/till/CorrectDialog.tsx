import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { TillSession } from '../../src-shared/domain/till';
import { call } from '../api/client';
import { ErrorBanner, FieldError, useErrorText } from '../components/bits';
import { Dialog } from '../components/Dialog';
import { fieldAria, TextField } from '../components/TextField';
import { parseMoney } from '../lib/money';
import { useTillFormat } from './till-format';

/** An owner's or manager's correction of a closed day: added beside the close, with its reason. */
export function CorrectDialog({ session, onDone, onClose }: { session: TillSession; onDone: (s: TillSession) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const f = useTillFormat();
  const errorText = useErrorText();
  const [method, setMethod] = useState(session.methods[0]?.method ?? 'cash');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [amountError, setAmountError] = useState<string | undefined>();

  const confirm = async () => {
    // The sign apart: the money parser reads amounts, never negative.
    const negative = /^\s*[−-]/.test(amount);
    const minor = parseMoney(amount.replace(/^\s*[−-]/, ''), f.currency);
    if (minor === null || minor === 0) return setAmountError(t('till.invalidAmount'));
    setAmountError(undefined);
    setBusy(true);
    const r = await call('till.correct', { sessionId: session.id, method: method as 'cash', amountMinor: negative ? -minor : minor, reason: reason.trim() });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onDone(r.value);
  };

  const fieldErr = (name: string) => (error?.fields ?? (error ? [error] : [])).find((e) => e.field === name);
  const reasonError = fieldErr('reason');
  const serverAmount = fieldErr('amountMinor');
  return (
    <Dialog title={t('till.correctTitle')} confirmLabel={t('till.correctSave')} busy={busy} onConfirm={confirm} onClose={onClose}>
      <p>{t('till.correctHint')}</p>
      <div className="field">
        <label htmlFor={`${id}-method`}>{t('till.method')}</label>
        <select id={`${id}-method`} value={method} onChange={(e) => setMethod(e.target.value)}>
          {session.methods.map((m) => (
            <option key={m.method} value={m.method}>
              {f.method(m)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-amount`}>{t('till.correctAmount')}</label>
        <input id={`${id}-amount`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} {...fieldAria(`${id}-amount`, amountError ?? (serverAmount ? errorText(serverAmount as ApiError) : undefined))} />
        <FieldError id={`${id}-amount-error`} message={amountError ?? (serverAmount ? errorText(serverAmount as ApiError) : undefined)} />
      </div>
      <TextField id={`${id}-reason`} label={t('till.reason')} value={reason} onChange={setReason} error={reasonError ? errorText(reasonError as ApiError) : undefined} multiline maxLength={300} />
      <ErrorBanner error={error && !reasonError && !serverAmount ? error : undefined} />
    </Dialog>
  );
}
