import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientNote, NoteVisibility, NoteVisit } from '../../src-shared/domain/notes';
import { FieldGroup, RadioOptions } from '../agenda/form/Field';
import { call } from '../api/client';
import { useToast } from '../app/toasts';
import { ErrorBanner, FieldError } from '../components/bits';
import { Dialog } from '../components/Dialog';
import { TextField, fieldAria } from '../components/TextField';
import { useFormErrors } from '../settings/useFormErrors';

/** A visit the note may be written on, as the dialog offers it. */
export interface VisitChoice {
  /** 'a:<appointment id>' or 'b:<booking id>'. */
  key: string;
  label: string;
}

export const visitKey = (visit: { appointmentId: string } | { bookingId: string }): string =>
  'appointmentId' in visit ? `a:${visit.appointmentId}` : `b:${visit.bookingId}`;

/** The same key for the visit a note names. */
export const noteVisitKey = (visit: NoteVisit): string => (visit.kind === 'appointment' ? `a:${visit.id}` : `b:${visit.id}`);

function visitInput(key: string): { appointmentId?: string; bookingId?: string } {
  if (key.startsWith('a:')) return { appointmentId: key.slice(2) };
  if (key.startsWith('b:')) return { bookingId: key.slice(2) };
  return {};
}

type NoteDialogProps = { onClose: () => void } & (
  | { mode: 'general'; clientId: string }
  /** A visit note: on the one visit given, or on one the desk picks from `choices`. */
  | { mode: 'visit'; clientId: string; visit?: string; choices?: VisitChoice[] }
  | { mode: 'edit'; note: ClientNote }
);

const fields = ['body', 'visibility', 'appointmentId', 'bookingId'] as const;

/** Writes a new note (general or on a visit) or changes one: its text and who may read it. */
export function NoteDialog(props: NoteDialogProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const id = useId();
  const editing = props.mode === 'edit' ? props.note : null;
  const choices = props.mode === 'visit' ? props.choices : undefined;
  const [body, setBody] = useState(editing?.body ?? '');
  const [visibility, setVisibility] = useState<NoteVisibility>(editing?.visibility ?? 'shared');
  const [visit, setVisit] = useState(props.mode === 'visit' ? (props.visit ?? choices?.[0]?.key ?? '') : '');
  const [busy, setBusy] = useState(false);
  const { fieldErrors, banner, show } = useFormErrors(fields);

  const save = async () => {
    setBusy(true);
    const r =
      props.mode === 'edit'
        ? await call('notes.update', { id: props.note.id, body, visibility })
        : await call('notes.add', { clientId: props.clientId, body, visibility, ...visitInput(visit) });
    setBusy(false);
    if (!r.ok) return show(r.error);
    toast(t('notes.saved'));
    props.onClose();
  };

  const title = props.mode === 'edit' ? t('notes.editTitle') : props.mode === 'general' ? t('notes.newGeneral') : t('notes.newVisit');
  const visitError = fieldErrors.appointmentId ?? fieldErrors.bookingId;
  return (
    <Dialog title={title} confirmLabel={t('app.save')} busy={busy} onConfirm={save} onClose={props.onClose}>
      {choices && (
        <div className="field">
          <label htmlFor={`${id}-visit`}>{t('notes.visit')}</label>
          <select id={`${id}-visit`} value={visit} onChange={(e) => setVisit(e.target.value)} {...fieldAria(`${id}-visit`, visitError)}>
            {choices.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-visit-error`} message={visitError} />
        </div>
      )}
      {/* A visit fixed by where the dialog was opened: its refusal (not held, not served) shows here. */}
      {!choices && <FieldError id={`${id}-visit-error`} message={visitError} />}
      <TextField id={`${id}-body`} label={t('notes.body')} value={body} onChange={setBody} error={fieldErrors.body} multiline maxLength={4000} autoFocus />
      <FieldGroup id={`${id}-visibility`} legend={t('notes.visibility')} error={fieldErrors.visibility}>
        <RadioOptions
          name={`${id}-visibility`}
          className="radio-row"
          value={visibility}
          options={[
            { value: 'shared', label: t('notes.shared') },
            { value: 'private', label: t('notes.private') },
          ]}
          onChange={setVisibility}
        />
      </FieldGroup>
      <ErrorBanner error={banner} />
    </Dialog>
  );
}
