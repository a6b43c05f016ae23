import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagWithCount } from '../../src-shared/domain/tag';
import { call } from '../api/client';
import { TextField } from '../components/TextField';
import { ColourField } from './ColourField';
import { RowEditor } from './RowEditor';

/** A tag's row while renaming or recolouring it. */
export function TagEditor({ tag, onDone }: { tag: TagWithCount; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(tag.name);
  const [colour, setColour] = useState(tag.colour);
  return (
    <RowEditor fields={['name', 'colour']} save={() => call('tags.update', { id: tag.id, name, colour })} onDone={onDone} inline>
      {(errors) => (
        <>
          <TextField
            id={`tag-${tag.id}-name`}
            label={t('settings.tagRenameLabel', { name: tag.name })}
            value={name}
            maxLength={50}
            autoFocus
            error={errors.name}
            onChange={setName}
          />
          <ColourField id={`tag-${tag.id}-colour`} label={t('settings.tagColourOf', { name: tag.name })} value={colour} onChange={setColour} />
        </>
      )}
    </RowEditor>
  );
}
