import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping, ImportPreview, RowProblem } from '../../../src-shared/domain/client-import';

const pageSize = 200;

/** Every problem of the dry run, row by row, a page at a time (a bad file of 100,000 rows stays quick to show). */
export function ProblemList({ problems, preview, mapping }: { problems: RowProblem[]; preview: ImportPreview; mapping: ColumnMapping }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(pageSize);
  const columnOf = (field: string | null) => {
    if (field === null) return t('clientImport.wholeRow');
    const index = mapping.indexOf(field as ColumnMapping[number]);
    return index >= 0 ? preview.headers[index] || `#${index + 1}` : field;
  };
  return (
    <div className="import-problems">
      <table className="table">
        <caption className="visually-hidden">{t('clientImport.problemsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('clientImport.colRow')}</th>
            <th scope="col">{t('clientImport.colColumn')}</th>
            <th scope="col">{t('clientImport.colProblem')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, shown).map((p, i) => (
            <tr key={`${p.row}-${p.field ?? ''}-${i}`} className={p.code.startsWith('duplicate_') ? 'import-duplicate' : 'import-error'}>
              <td>{p.row}</td>
              <td>{columnOf(p.field)}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > shown && (
        <button type="button" className="button" onClick={() => setShown(shown + pageSize)}>
          {t('clientImport.showMore', { count: Math.min(pageSize, problems.length - shown) })}
        </button>
      )}
    </div>
  );
}
