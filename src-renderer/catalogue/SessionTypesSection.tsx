import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionType } from '../../src-shared/domain/catalogue';
import { call, useQuery } from '../api/client';
import { CallDialog } from '../components/CallDialog';
import { PanelSection } from '../components/PanelSection';
import { TextField } from '../components/TextField';
import { optionalCount } from '../passes/form-values';
import { CallForm, SubmitButton } from '../settings/CallForm';
import { ColourField } from '../settings/ColourField';
import { RowEditor } from '../settings/RowEditor';
import { SettingsList } from '../settings/SettingsList';
import { NumberField } from './NumberField';

const fields = ['name', 'colour', 'defaultDurationMin', 'defaultPlaces'] as const;

/** Ajustes › Tipos de sesión: name, colour, default duration and places. */
export function SessionTypesSection() {
  const { t } = useTranslation();
  const types = useQuery('sessionTypes.list', {});
  const [name, setName] = useState('');
  const [colour, setColour] = useState('#3d85c6');
  const [duration, setDuration] = useState('60');
  const [places, setPlaces] = useState('10');
  const [deleting, setDeleting] = useState<SessionType | null>(null);

  const placesText = (p: number | null) => (p === null ? t('catalogue.unlimited') : t('catalogue.typePlaces', { count: p }));

  return (
    <PanelSection id="settings-session-types" title={t('catalogue.typesTitle')} className="settings-section">
      <p className="hint">{t('catalogue.typesHint')}</p>
      <SettingsList
        label={t('catalogue.typesTitle')}
        query={types}
        emptyText={t('catalogue.typeNone')}
        row={(type) => (
          <>
            <span className="staff-dot staff-dot-large" aria-hidden="true" style={{ background: type.colour }} />
            <span className="settings-row-main">
              <strong>{type.name}</strong>
              <span className="small muted">{t('catalogue.typeSummary', { duration: type.defaultDurationMin, places: placesText(type.defaultPlaces) })}</span>
            </span>
          </>
        )}
        editLabel={(type) => t('catalogue.typeEdit', { name: type.name })}
        deleteLabel={(type) => t('catalogue.typeDelete', { name: type.name })}
        editor={(type, done) => <SessionTypeEditor type={type} onDone={done} />}
        onDelete={setDeleting}
      />
      <CallForm
        fields={fields}
        send={() => call('sessionTypes.create', { name, colour, defaultDurationMin: Number(duration), defaultPlaces: optionalCount(places) })}
        onSuccess={() => setName('')}
        inline
        actions={<SubmitButton text={t('catalogue.typeCreate')} />}
      >
        {(fieldErrors) => (
          <>
            <TextField id="type-new-name" label={t('catalogue.typeName')} value={name} maxLength={80} error={fieldErrors.name} onChange={setName} />
            <ColourField id="type-new-colour" label={t('catalogue.colour')} value={colour} onChange={setColour} />
            <NumberField id="type-new-duration" label={t('catalogue.defaultDuration')} value={duration} onChange={setDuration} error={fieldErrors.defaultDurationMin} />
            <NumberField id="type-new-places" label={t('catalogue.defaultPlaces')} placeholder={t('catalogue.defaultPlacesHint')} value={places} onChange={setPlaces} error={fieldErrors.defaultPlaces} />
          </>
        )}
      </CallForm>
      {deleting && (
        <CallDialog
          title={t('catalogue.typeDeleteTitle', { name: deleting.name })}
          confirmLabel={t('catalogue.typeDeleteConfirm')}
          text={t('catalogue.typeDeleteText')}
          action={() => call('sessionTypes.delete', { id: deleting.id })}
          onClose={() => setDeleting(null)}
        />
      )}
    </PanelSection>
  );
}

function SessionTypeEditor({ type, onDone }: { type: SessionType; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(type.name);
  const [colour, setColour] = useState(type.colour);
  const [duration, setDuration] = useState(String(type.defaultDurationMin));
  const [places, setPlaces] = useState(type.defaultPlaces === null ? '' : String(type.defaultPlaces));
  return (
    <RowEditor
      fields={fields}
      inline
      save={() => call('sessionTypes.update', { id: type.id, name, colour, defaultDurationMin: Number(duration), defaultPlaces: optionalCount(places) })}
      onDone={onDone}
    >
      {(fieldErrors) => (
        <>
          <TextField id={`type-${type.id}-name`} label={t('catalogue.typeName')} value={name} maxLength={80} error={fieldErrors.name} autoFocus onChange={setName} />
          <ColourField id={`type-${type.id}-colour`} label={t('catalogue.colour')} value={colour} onChange={setColour} />
          <NumberField id={`type-${type.id}-duration`} label={t('catalogue.defaultDuration')} value={duration} onChange={setDuration} error={fieldErrors.defaultDurationMin} />
          <NumberField id={`type-${type.id}-places`} label={t('catalogue.defaultPlaces')} placeholder={t('catalogue.defaultPlacesHint')} value={places} onChange={setPlaces} error={fieldErrors.defaultPlaces} />
        </>
      )}
    </RowEditor>
  );
}
