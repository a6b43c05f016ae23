import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagWithCount } from '../../src-shared/domain/tag';
import { call, useQuery } from '../api/client';
import { TagChip } from '../components/bits';
import { CallDialog } from '../components/CallDialog';
import { PanelSection } from '../components/PanelSection';
import { TextField } from '../components/TextField';
import { CallForm, SubmitButton } from './CallForm';
import { ColourField } from './ColourField';
import { SettingsList } from './SettingsList';
import { TagEditor } from './TagEditor';

const defaultColours = ['#2a9d8f', '#e76f51', '#264653', '#e9c46a', '#8e6bbf', '#d1495b', '#3d85c6', '#6a994e'];

/** The list of tags with their client counts, a form to add one, and rename, recolour and delete. */
export function TagsSection() {
  const { t } = useTranslation();
  const tags = useQuery('tags.list', {});
  const [name, setName] = useState('');
  const [colour, setColour] = useState(defaultColours[0] ?? '#2a9d8f');
  const [deleting, setDeleting] = useState<TagWithCount | null>(null);

  const created = () => {
    setName('');
    const used = new Set((tags.data ?? []).map((x) => x.colour).concat(colour));
    setColour(defaultColours.find((c) => !used.has(c)) ?? defaultColours[0] ?? colour);
  };

  return (
    <PanelSection id="settings-tags" title={t('settings.tags')} className="settings-section">
      <p className="hint">{t('settings.tagsHint')}</p>
      <SettingsList
        label={t('settings.tags')}
        query={tags}
        emptyText={t('settings.tagNone')}
        row={(tag) => (
          <>
            <TagChip tag={tag} />
            <span className="muted">{t('settings.tagClients', { count: tag.clientCount })}</span>
          </>
        )}
        editLabel={(tag) => t('settings.tagEdit', { name: tag.name })}
        deleteLabel={(tag) => t('settings.tagDelete', { name: tag.name })}
        editor={(tag, done) => <TagEditor tag={tag} onDone={done} />}
        onDelete={setDeleting}
      />
      <CallForm fields={['name', 'colour']} send={() => call('tags.create', { name, colour })} onSuccess={created} inline actions={<SubmitButton text={t('settings.tagCreate')} />}>
        {(fieldErrors) => (
          <>
            <TextField id="tag-new-name" label={t('settings.tagName')} value={name} maxLength={50} error={fieldErrors.name} onChange={setName} />
            <ColourField id="tag-new-colour" label={t('settings.tagColour')} value={colour} onChange={setColour} />
          </>
        )}
      </CallForm>
      {deleting && (
        <CallDialog
          title={t('settings.tagDeleteTitle', { name: deleting.name })}
          confirmLabel={t('settings.tagDeleteConfirm')}
          text={t('settings.tagDeleteText', { count: deleting.clientCount })}
          action={() => call('tags.delete', { id: deleting.id })}
          onClose={() => setDeleting(null)}
        />
      )}
    </PanelSection>
  );
}
