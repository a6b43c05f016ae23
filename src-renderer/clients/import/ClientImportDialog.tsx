import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-shared/api/result';
import type { ColumnMapping, ImportCheck, ImportPreview, ImportResult } from '../../../src-shared/domain/client-import';
import { call, useQuery } from '../../api/client';
import { ErrorBanner } from '../../components/bits';
import { formatNumber } from '../../lib/format';
import { dryRun, uploadCsv } from './csv-transfer';
import { MappingTable } from './MappingTable';
import { ProblemList } from './ProblemList';
import '../../styles/client-import.css';

type Step =
  | { kind: 'pick' }
  | { kind: 'reading'; fraction: number }
  | { kind: 'map' }
  | { kind: 'checking'; done: number }
  | { kind: 'checked'; check: ImportCheck }
  | { kind: 'importing'; count: number }
  | { kind: 'done'; result: ImportResult };

const encodingNames: Record<ImportPreview['encoding'], string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (BOM)',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  'windows-1252': 'Latin-1 / Windows-1252',
};

/**
 * Import clients from a CSV: pick the file, check the columns (guessed from the headers), a dry
 * run that lists every row's problems, then the import — all or nothing, in main.
 */
export function ClientImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [skipDuplicates, setSkipDuplicates] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [columnErrors, setColumnErrors] = useState<Record<number, string>>({});
  const customFields = useQuery('customFields.list', {});

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const busy = step.kind === 'reading' || step.kind === 'checking' || step.kind === 'importing';

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    setStep({ kind: 'reading', fraction: 0 });
    const answer = await uploadCsv(file, (fraction) => setStep({ kind: 'reading', fraction }));
    if (!answer.ok) {
      setError(answer.error);
      setStep({ kind: 'pick' });
      return;
    }
    setPreview(answer.value);
    setMapping(answer.value.mapping);
    setColumnErrors({});
    setStep({ kind: 'map' });
  };

  const check = async () => {
    if (!preview) return;
    setError(undefined);
    setColumnErrors({});
    setStep({ kind: 'checking', done: 0 });
    const answer = await dryRun(preview.jobId, mapping, (sofar) => setStep({ kind: 'checking', done: sofar.checked }));
    if (answer.ok) {
      setStep({ kind: 'checked', check: answer.value });
      return;
    }
    // A refused mapping is shown beside its column; anything else above.
    const byColumn: Record<number, string> = {};
    for (const f of answer.error.fields ?? [{ field: answer.error.field ?? '', message: answer.error.message }]) {
      const index = /^mapping\.(\d+)$/.exec(f.field)?.[1];
      if (index !== undefined) byColumn[Number(index)] = f.message;
    }
    setColumnErrors(byColumn);
    if (Object.keys(byColumn).length === 0) setError(answer.error);
    setStep({ kind: 'map' });
  };

  const runImport = async () => {
    if (!preview || step.kind !== 'checked') return;
    const checked = step.check;
    setError(undefined);
    setStep({ kind: 'importing', count: toImport });
    const answer = await call('clients.import', { jobId: preview.jobId, mapping, skipDuplicates });
    if (answer.ok) setStep({ kind: 'done', result: answer.value });
    else {
      setError(answer.error);
      setStep({ kind: 'checked', check: checked });
    }
  };

  const toImport = step.kind === 'checked' ? step.check.rowCount - step.check.rowsWithErrors - (skipDuplicates ? step.check.duplicateRows : 0) : 0;
  const canImport = step.kind === 'checked' && step.check.rowsWithErrors === 0 && (skipDuplicates || step.check.duplicateRows === 0) && toImport > 0;

  return (
    <dialog
      ref={ref}
      className="dialog dialog-wide import-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <div className="import-body">
        <h2 id={titleId} className="dialog-title">
          {t('clientImport.title')}
        </h2>
        <ErrorBanner error={error} onClose={() => setError(undefined)} />

        {(step.kind === 'pick' || step.kind === 'reading') && (
          <div className="field">
            <label htmlFor="import-file">{t('clientImport.pickLabel')}</label>
            <input id="import-file" type="file" accept=".csv,.txt,text/csv,text/plain" disabled={busy} onChange={(e) => void pick(e.target.files?.[0])} aria-describedby="import-file-hint" />
            <p id="import-file-hint" className="muted small">
              {t('clientImport.pickHint')}
            </p>
          </div>
        )}
        {step.kind === 'reading' && <Progress label={t('clientImport.reading')} value={step.fraction} />}

        {preview && step.kind !== 'pick' && step.kind !== 'reading' && (
          <p className="muted small" data-testid="import-file-summary">
            {t('clientImport.fileSummary', {
              count: preview.rowCount,
              encoding: encodingNames[preview.encoding],
              separator: preview.separator === '\t' ? t('clientImport.separatorTab') : `«${preview.separator}»`,
            })}
          </p>
        )}

        {preview && step.kind === 'map' && (
          <section aria-labelledby="import-mapping-title">
            <h3 id="import-mapping-title">{t('clientImport.mappingTitle')}</h3>
            <p className="muted small">{t('clientImport.mappingHint')}</p>
            <MappingTable preview={preview} mapping={mapping} customFields={customFields.data ?? []} errors={columnErrors} onChange={setMapping} />
          </section>
        )}

        {step.kind === 'checking' && preview && (
          <Progress label={t('clientImport.checking')} value={step.done / preview.rowCount} detail={t('clientImport.progressRows', { done: formatNumber(step.done), total: formatNumber(preview.rowCount) })} />
        )}

        {step.kind === 'checked' && preview && (
          <section aria-label={t('clientImport.problemsTitle')}>
            <ul className="import-summary" role="status">
              <li>{t('clientImport.summaryOk', { count: step.check.rowCount - step.check.rowsWithErrors - step.check.duplicateRows })}</li>
              <li className={step.check.rowsWithErrors > 0 ? 'import-error' : undefined}>{t('clientImport.summaryErrors', { count: step.check.rowsWithErrors })}</li>
              <li className={step.check.duplicateRows > 0 ? 'import-duplicate' : undefined}>{t('clientImport.summaryDuplicates', { count: step.check.duplicateRows })}</li>
            </ul>
            {step.check.problems.length === 0 ? <p>{t('clientImport.noProblems')}</p> : <ProblemList problems={step.check.problems} preview={preview} mapping={mapping} />}
            {step.check.rowsWithErrors > 0 && <p className="muted small">{t('clientImport.fixHint')}</p>}
            {step.check.duplicateRows > 0 && (
              <label className="checkbox">
                <input type="checkbox" checked={skipDuplicates} onChange={(e) => setSkipDuplicates(e.target.checked)} />
                {t('clientImport.skipDuplicates')}
              </label>
            )}
          </section>
        )}

        {step.kind === 'importing' && (
          <Progress label={t('clientImport.importing', { count: step.count })} detail={t('clientImport.importingHint')} />
        )}

        {step.kind === 'done' && (
          <p role="status" className="import-done">
            {t('clientImport.done', { count: step.result.imported })}{' '}
            {step.result.skippedDuplicates > 0 && t('clientImport.skipped', { count: step.result.skippedDuplicates })}
          </p>
        )}

        <div className="dialog-actions">
          {step.kind === 'done' ? (
            <button type="button" className="button button-primary" onClick={onClose}>
              {t('clientImport.close')}
            </button>
          ) : (
            <>
              <button type="button" className="button" onClick={onClose} disabled={busy}>
                {t('app.cancel')}
              </button>
              {(step.kind === 'map' || step.kind === 'checked') && (
                <button type="button" className="button" onClick={() => setStep({ kind: 'pick' })}>
                  {t('clientImport.otherFile')}
                </button>
              )}
              {step.kind === 'checked' && (
                <button type="button" className="button" onClick={() => setStep({ kind: 'map' })}>
                  {t('clientImport.changeMapping')}
                </button>
              )}
              {step.kind === 'map' && (
                <button type="button" className="button button-primary" onClick={() => void check()}>
                  {t('clientImport.check')}
                </button>
              )}
              {step.kind === 'checked' && (
                <button type="button" className="button button-primary" onClick={() => void runImport()} disabled={!canImport}>
                  {t('clientImport.import', { count: toImport })}
                </button>
              )}
            </>
          )}
        </div>
      </div>
    </dialog>
  );
}

/** A labelled bar: with a value, how far it is; without one, that it is working. */
function Progress({ label, value, detail }: { label: string; value?: number; detail?: string }) {
  const id = useId();
  return (
    <div className="import-progress">
      <label htmlFor={id}>{label}</label>
      <progress id={id} max={1} {...(value !== undefined ? { value } : {})} />
      {detail && <span className="muted small">{detail}</span>}
    </div>
  );
}
