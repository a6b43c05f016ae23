import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../src-shared/domain/custom-field';
import { call } from '../api/client';
import { TextField } from '../components/TextField';
import { parseOptions } from './choice-options';
import { RowEditor } from './RowEditor';

/** A custom field's row while renaming it or changing its options. Its kind stays. */
export function CustomFieldEditor({ field, onDone }: { field: CustomField; onDone: () => void }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(field.label);
  const [options, setOptions] = useState(field.options.join('\n'));
  const save = () => call('customFields.update', { id: field.id, label, options: field.kind === 'choice' ? parseOptions(options) : undefined });
  return (
    <RowEditor fields={['label', 'options']} save={save} onDone={onDone}>
      {(errors) => (
        <>
          <TextField
            id={`field-${field.id}-label`}
            label={t('settings.fieldRenameLabel', { name: field.label })}
            value={label}
            maxLength={60}
            autoFocus
            error={errors.label}
            onChange={setLabel}
          />
          {field.kind === 'choice' && (
            <TextField id={`field-${field.id}-options`} label={t('settings.fieldOptions')} value={options} multiline error={errors.options} onChange={setOptions} />
          )}
        </>
      )}
    </RowEditor>
  );
}
