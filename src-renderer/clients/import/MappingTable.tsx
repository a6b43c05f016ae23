import { useTranslation } from 'react-i18next';
import type { ColumnMapping, ColumnTarget, ImportPreview } from '../../../src-shared/domain/client-import';
import { importFields } from '../../../src-shared/domain/client-import';
import type { CustomField } from '../../../src-shared/domain/custom-field';
import { FieldError } from '../../components/bits';
import { fieldAria } from '../../components/TextField';

interface MappingTableProps {
  preview: ImportPreview;
  mapping: ColumnMapping;
  customFields: CustomField[];
  /** Refusals by column index (mapping.N). */
  errors: Record<number, string>;
  onChange: (mapping: ColumnMapping) => void;
}

/** One line per column of the file: its header, its first values, and the card field it fills. */
export function MappingTable({ preview, mapping, customFields, errors, onChange }: MappingTableProps) {
  const { t } = useTranslation();
  const set = (index: number, target: ColumnTarget | null) => onChange(preview.headers.map((_h, i) => (i === index ? target : (mapping[i] ?? null))));
  return (
    <table className="table import-mapping">
      <thead>
        <tr>
          <th scope="col">{t('clientImport.colColumn')}</th>
          <th scope="col">{t('clientImport.colSample')}</th>
          <th scope="col">{t('clientImport.colField')}</th>
        </tr>
      </thead>
      <tbody>
        {preview.headers.map((header, index) => {
          const id = `import-column-${index}`;
          const error = errors[index];
          return (
            <tr key={index}>
              <th scope="row">{header || `#${index + 1}`}</th>
              <td className="import-sample">
                {preview.sample
                  .slice(0, 3)
                  .map((row) => row[index] ?? '')
                  .filter((v) => v.trim() !== '')
                  .map((v) => (v.length > 40 ? `${v.slice(0, 40)}…` : v))
                  .join(' · ')}
              </td>
              <td>
                <select
                  id={id}
                  aria-label={t('clientImport.fieldFor', { header: header || `#${index + 1}` })}
                  value={mapping[index] ?? ''}
                  onChange={(e) => set(index, (e.target.value || null) as ColumnTarget | null)}
                  {...fieldAria(id, error)}
                >
                  <option value="">{t('clientImport.ignore')}</option>
                  {importFields.map((field) => (
                    <option key={field} value={field}>
                      {t(`clientImport.field.${field}`)}
                    </option>
                  ))}
                  {customFields.length > 0 && (
                    <optgroup label={t('clientImport.customGroup')}>
                      {customFields.map((f) => (
                        <option key={f.id} value={`custom:${f.id}`}>
                          {f.label}
                        </option>
                      ))}
                    </optgroup>
                  )}
                </select>
                <FieldError id={`${id}-error`} message={error} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
