import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-shared/api/result';
import { useQuery } from '../../api/client';
import { ErrorBanner, useErrorText } from '../../components/bits';
import { CancelSaveButtons } from '../../components/CancelSaveButtons';
import { DateField } from '../../components/DateField';
import { useDesk } from '../../staff/desk-context';
import { StaffOptions } from '../../staff/StaffOptions';
import { ModalDialog } from '../ModalDialog';
import { AttendanceFields } from './AttendanceFields';
import { CoverImageField } from './CoverImageField';
import { Field, FieldGroup, RadioOptions } from './Field';
import { RecurrenceFields } from './RecurrenceFields';
import { fieldOfError, type FormField, type SeriesFormState } from './series-form';

interface SeriesFormDialogProps {
  title: string;
  initial: SeriesFormState;
  /** The series being edited (for its current cover image); null when creating. */
  seriesId: string | null;
  submitLabel: string;
  /** Saves; resolves with the API's error to show, or undefined once done. */
  onSubmit: (state: SeriesFormState) => Promise<ApiError | undefined>;
  onClose: () => void;
}

/** Every field of seed 001 for a session; meetings, private events and reminders use the subset that applies. */
export function SeriesFormDialog({ title, initial, seriesId, submitLabel, onSubmit, onClose }: SeriesFormDialogProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { activeStaff, staffById } = useDesk();
  const sessionTypes = useQuery('sessionTypes.list', initial.kind === 'session' ? {} : null);
  const [state, setState] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [banner, setBanner] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<SeriesFormState>) => setState((s) => ({ ...s, ...patch }));
  const isSession = state.kind === 'session';
  const hasMode = isSession || state.kind === 'meeting';
  const organizer = staffById(state.organizerId);

  const chooseType = (id: string) => {
    const type = sessionTypes.data?.find((x) => x.id === id);
    set({
      sessionTypeId: id,
      ...(type ? { durationMin: String(type.defaultDurationMin), places: type.defaultPlaces === null ? '' : String(type.defaultPlaces) } : {}),
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const error = await onSubmit(state);
    setBusy(false);
    if (!error) return;
    // Every bad field at once, each beside its own (the first message of a field wins); one with no slot goes to the banner.
    const shown: Partial<Record<FormField, string>> = {};
    let unplaced: ApiError | undefined;
    for (const entry of error.fields ?? [error]) {
      const field = fieldOfError(entry.field);
      if (!field) unplaced ??= entry;
      else if (!(field in shown)) shown[field] = errorText(entry);
    }
    setErrors(shown);
    setBanner(unplaced);
    const first = Object.keys(shown)[0];
    if (first) document.getElementById(`series-${first.replace('.', '-')}`)?.focus();
  };

  return (
    <ModalDialog title={title} onClose={onClose} className="series-dialog">
      <form noValidate className="series-form" onSubmit={(e) => void submit(e)}>
        <div className="series-form-body">
          <div className="series-form-column">
            <Field id="series-title" label={t('seriesForm.title')} error={errors.title}>
              {(aria) => <input {...aria} value={state.title} maxLength={120} autoFocus onChange={(e) => set({ title: e.target.value })} />}
            </Field>
            {hasMode && (
              <FieldGroup id="series-mode" legend={t('seriesForm.mode')} error={errors.mode}>
                <RadioOptions
                  name="series-mode"
                  className="radio-row"
                  value={state.mode}
                  options={[
                    { value: 'in_person', label: t('seriesForm.inPerson') },
                    { value: 'online', label: t('seriesForm.online') },
                  ]}
                  onChange={(mode) => set({ mode })}
                />
              </FieldGroup>
            )}
            {hasMode && state.mode === 'online' && (
              <Field id="series-onlineLink" label={t('seriesForm.onlineLink')} error={errors.onlineLink}>
                {(aria) => <input {...aria} type="url" placeholder={t('seriesForm.onlineLinkHint')} value={state.onlineLink} onChange={(e) => set({ onlineLink: e.target.value })} />}
              </Field>
            )}
            <div className="field-row">
              <Field id="series-organizerId" label={t('seriesForm.organizer')} error={errors.organizerId}>
                {(aria) => (
                  <select {...aria} value={state.organizerId} onChange={(e) => set({ organizerId: e.target.value })}>
                    <option value="">{t('seriesForm.chooseOrganizer')}</option>
                    <StaffOptions staff={activeStaff} chosen={organizer} />
                  </select>
                )}
              </Field>
              {isSession && (
                <Field id="series-sessionTypeId" label={t('seriesForm.sessionType')} error={errors.sessionTypeId}>
                  {(aria) => (
                    <select {...aria} value={state.sessionTypeId} onChange={(e) => chooseType(e.target.value)}>
                      <option value="">{t('seriesForm.noSessionType')}</option>
                      {sessionTypes.data?.map((type) => (
                        <option key={type.id} value={type.id}>
                          {type.name}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              )}
            </div>
            <Field id="series-description" label={t('seriesForm.description')} error={errors.description}>
              {(aria) => <textarea {...aria} rows={3} maxLength={2000} value={state.description} onChange={(e) => set({ description: e.target.value })} />}
            </Field>
            {isSession && <CoverImageField seriesId={seriesId} cover={state.cover} onChange={(cover) => set({ cover })} error={errors.coverImage} />}
          </div>
          <div className="series-form-column">
            <div className="field-row field-row-3">
              <Field id="series-startDate" label={t('seriesForm.date')} error={errors.startDate}>
                {(aria) => <DateField {...aria} value={state.startDate} onChange={(startDate) => set({ startDate })} />}
              </Field>
              <Field id="series-startTime" label={t('seriesForm.startTime')} error={errors.startTime}>
                {(aria) => <input {...aria} type="time" step={300} value={state.startTime} onChange={(e) => set({ startTime: e.target.value })} />}
              </Field>
              <Field id="series-durationMin" label={t('seriesForm.duration')} error={errors.durationMin}>
                {(aria) => <input {...aria} type="number" min={1} max={1440} step={5} value={state.durationMin} onChange={(e) => set({ durationMin: e.target.value })} />}
              </Field>
            </div>
            <RecurrenceFields state={state} set={set} errors={errors} showExtent={seriesId === null} />
            {isSession && <AttendanceFields state={state} set={set} errors={errors} />}
          </div>
        </div>
        <ErrorBanner error={banner} onClose={() => setBanner(undefined)} />
        <div className="dialog-actions">
          <CancelSaveButtons onCancel={onClose} saving={busy} label={submitLabel} />
        </div>
      </form>
    </ModalDialog>
  );
}
