import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-shared/api/result';
import { ErrorBanner } from '../../components/bits';
import { useSession } from '../../sign-in/session-context';
import { downloadClientsCsv } from './csv-transfer';

const ClientImportDialog = lazy(async () => ({ default: (await import('./ClientImportDialog')).ClientImportDialog }));

/** "Importar CSV" and "Exportar CSV" on the Clientes page: owners and managers (main refuses anyone else anyway). */
export function ClientCsvActions() {
  const { t } = useTranslation();
  const { state } = useSession();
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [exported, setExported] = useState<{ fileName: string; rows: number } | null>(null);
  if (state.pinsOn && state.role !== 'owner' && state.role !== 'manager') return null;

  const runExport = async () => {
    setExporting(true);
    setError(undefined);
    const answer = await downloadClientsCsv();
    setExporting(false);
    if (answer.ok) setExported(answer.value);
    else setError(answer.error);
  };

  return (
    <>
      <button type="button" className="button" onClick={() => setImporting(true)}>
        {t('clientImport.importButton')}
      </button>
      <button type="button" className="button" onClick={() => void runExport()} disabled={exporting}>
        {exporting ? t('clientImport.exporting') : t('clientImport.exportButton')}
      </button>
      {exported && (
        <span className="muted small" role="status">
          {t('clientImport.exported', { count: exported.rows, file: exported.fileName })}
        </span>
      )}
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
      {importing && (
        <Suspense fallback={null}>
          <ClientImportDialog onClose={() => setImporting(false)} />
        </Suspense>
      )}
    </>
  );
}
