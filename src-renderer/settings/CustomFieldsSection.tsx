import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customFieldKinds, type CustomField, type CustomFieldKind } from '../../src-shared/domain/custom-field';
import { call, useQuery } from '../api/client';
import { CallDialog } from '../components/CallDialog';
import { PanelSection } from '../components/PanelSection';
import { TextField } from '../components/TextField';
import { CallForm, SubmitButton } from './CallForm';
import { parseOptions } from './choice-options';
import { CustomFieldEditor } from './CustomFieldEditor';
import { SettingsList } from './SettingsList';

/** The centre's own client fields: the list, a form to add one, and edit and delete. */
export function CustomFieldsSection() {
  const { t } = useTranslation();
  const fields = useQuery('customFields.list', {});
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<CustomFieldKind>('text');
  const [options, setOptions] = useState('');
  const [deleting, setDeleting] = useState<CustomField | null>(null);

  const created = () => {
    setLabel('');
    setOptions('');
  };

  return (
    <PanelSection id="settings-fields" title={t('settings.fields')} className="settings-section">
      <p className="hint">{t('settings.fieldsHint')}</p>
      <SettingsList
        label={t('settings.fields')}
        query={fields}
        emptyText={t('settings.fieldNone')}
        row={(field) => (
          <span className="settings-row-main">
            <strong>{field.label}</strong>
            <span className="muted">
              {t(`settings.kinds.${field.kind}`)}
              {field.kind === 'choice' && field.options.length > 0 && ` · ${t('settings.fieldOptionsList', { options: field.options.join(', ') })}`}
            </span>
          </span>
        )}
        editLabel={(field) => t('settings.fieldEdit', { name: field.label })}
        deleteLabel={(field) => t('settings.fieldDelete', { name: field.label })}
        editor={(field, done) => <CustomFieldEditor field={field} onDone={done} />}
        onDelete={setDeleting}
      />
      <CallForm
        fields={['label', 'kind', 'options']}
        send={() => call('customFields.create', { label, kind, options: kind === 'choice' ? parseOptions(options) : undefined })}
        onSuccess={created}
        actions={<SubmitButton text={t('settings.fieldCreate')} />}
      >
        {(fieldErrors) => (
          <>
            <div className="field-row">
              <TextField id="field-new-label" label={t('settings.fieldLabel')} value={label} maxLength={60} error={fieldErrors.label} onChange={setLabel} />
              <div className="field">
                <label htmlFor="field-new-kind">{t('settings.fieldKind')}</label>
                <select id="field-new-kind" value={kind} onChange={(e) => setKind(e.target.value as CustomFieldKind)}>
                  {customFieldKinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`settings.kinds.${k}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            {kind === 'choice' && (
              <TextField id="field-new-options" label={t('settings.fieldOptions')} value={options} multiline error={fieldErrors.options} onChange={setOptions} />
            )}
          </>
        )}
      </CallForm>
      {deleting && (
        <CallDialog
          title={t('settings.fieldDeleteTitle', { name: deleting.label })}
          confirmLabel={t('settings.fieldDeleteConfirm')}
          text={t('settings.fieldDeleteText')}
          action={() => call('customFields.delete', { id: deleting.id })}
          onClose={() => setDeleting(null)}
        />
      )}
    </PanelSection>
  );
}
