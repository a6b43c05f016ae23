import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { AppointmentSchedule } from '../../src-shared/domain/appointments';
import type { Service } from '../../src-shared/domain/catalogue';
import { Field, FieldGroup, RadioOptions } from '../agenda/form/Field';
import { ModalDialog } from '../agenda/ModalDialog';
import { call, useQuery } from '../api/client';
import { ErrorBanner } from '../components/bits';
import { CancelSaveButtons } from '../components/CancelSaveButtons';
import { useFormErrors } from '../settings/useFormErrors';
import { useDesk } from '../staff/desk-context';
import { StaffOptions } from '../staff/StaffOptions';
import { LeadTimeField } from './LeadTimeField';
import {
  flatRanges,
  indexOfError,
  missingField,
  newScheduleForm,
  scheduleFields,
  scheduleFormOf,
  toCreateInput,
  toUpdateInput,
  type ScheduleField,
  type ScheduleFormState,
} from './schedule-form';
import { ServiceChoice } from './ServiceChoice';
import { VisibilityFields } from './VisibilityFields';
import { WeeklyGrid } from './WeeklyGrid';

interface ScheduleEditorDialogProps {
  /** The schedule to edit; null for a new one. */
  schedule: AppointmentSchedule | null;
  /** The professional a new schedule starts with ('' to choose). */
  staffId: string;
  onSaved: (schedule: AppointmentSchedule) => void;
  onClose: () => void;
}

/** A professional's appointment schedule: services, duration, buffers, lead time, horizon, visibility, passes and the weekly hours. */
export function ScheduleEditorDialog({ schedule, staffId, onSaved, onClose }: ScheduleEditorDialogProps) {
  const { t } = useTranslation();
  const { activeStaff, staffById } = useDesk();
  const services = useQuery('services.list', { includeInactive: true });
  const [state, setState] = useState<ScheduleFormState>(() => (schedule ? scheduleFormOf(schedule) : newScheduleForm(staffId)));
  const errors = useFormErrors(scheduleFields);
  /** The row of each range the API named, and that range's message. */
  const [rangeErrors, setRangeErrors] = useState<ReadonlyMap<number, string>>(new Map());
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ScheduleFormState>) => setState((s) => ({ ...s, ...patch }));
  const fieldErrors = errors.fieldErrors as Partial<Record<ScheduleField, string>>;

  // Retired services stay listed only where the schedule still offers them.
  const offered = useMemo<Service[]>(() => (services.data ?? []).filter((s) => s.active || state.serviceIds.includes(s.id)), [services.data, state.serviceIds]);

  const chooseServices = (serviceIds: string[], first: Service | undefined) =>
    set({ serviceIds, ...(first ? { durationMin: String(first.durationMin), ...(state.name.trim() ? {} : { name: first.name }) } : {}) });

  const show = (error: ApiError, keys: number[]) => {
    errors.show(error);
    // Every bad range at once, each beside its row.
    const byRow = new Map<number, string>();
    for (const entry of error.fields ?? [error]) {
      const index = indexOfError(entry.field, 'ranges');
      const row = index === undefined ? undefined : keys[index];
      if (row !== undefined && !byRow.has(row)) byRow.set(row, entry.message || t('errors.generic'));
    }
    setRangeErrors(byRow);
    const index = indexOfError(error.field, 'ranges');
    const key = index === undefined ? undefined : keys[index];
    const field = scheduleFields.find((f) => error.field === f || error.field?.startsWith(`${f}.`));
    const focus = key !== undefined ? `schedule-range-${key}-start` : field && `schedule-${field}`;
    if (focus) document.getElementById(focus)?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const { keys } = flatRanges(state.week);
    const missing = missingField(state);
    if (missing) {
      show({ code: 'required', message: t(`schedules.required.${missing}`), field: missing }, keys);
      return;
    }
    setBusy(true);
    const r = schedule ? await call('schedules.update', toUpdateInput(schedule.id, state)) : await call('schedules.create', toCreateInput(state));
    setBusy(false);
    if (r.ok) onSaved(r.value);
    else show(r.error, keys);
  };

  const chosenStaff = staffById(state.staffId);
  // With an index the message goes beside that range; the grid's own slot is for the ranges as a whole.
  const gridError = rangeErrors.size > 0 ? undefined : fieldErrors.ranges;

  return (
    <ModalDialog title={schedule ? t('schedules.editTitle', { name: schedule.name }) : t('schedules.newTitle')} onClose={onClose} className="series-dialog schedule-dialog">
      <form noValidate className="series-form" onSubmit={(e) => void submit(e)}>
        <div className="series-form-body schedule-form-body">
          <div className="series-form-column">
            <div className="field-row">
              <Field id="schedule-staffId" label={t('schedules.professional')} error={fieldErrors.staffId} hint={schedule ? t('schedules.professionalFixed') : undefined}>
                {(aria) => (
                  <select {...aria} value={state.staffId} disabled={schedule !== null} onChange={(e) => set({ staffId: e.target.value })}>
                    <option value="">{t('schedules.chooseProfessional')}</option>
                    <StaffOptions staff={activeStaff} chosen={chosenStaff} />
                  </select>
                )}
              </Field>
              <Field id="schedule-name" label={t('schedules.name')} error={fieldErrors.name}>
                {(aria) => <input {...aria} value={state.name} maxLength={80} placeholder={t('schedules.namePlaceholder')} onChange={(e) => set({ name: e.target.value })} />}
              </Field>
            </div>
            <ServiceChoice services={offered} chosen={state.serviceIds} onChange={chooseServices} error={fieldErrors.serviceIds} />
            <div className="field-row field-row-3">
              <Field id="schedule-durationMin" label={t('schedules.duration')} error={fieldErrors.durationMin}>
                {(aria) => <input {...aria} type="number" min={5} max={1440} step={5} value={state.durationMin} onChange={(e) => set({ durationMin: e.target.value })} />}
              </Field>
              <Field id="schedule-bufferBeforeMin" label={t('schedules.bufferBefore')} error={fieldErrors.bufferBeforeMin}>
                {(aria) => <input {...aria} type="number" min={0} max={240} step={5} value={state.bufferBeforeMin} onChange={(e) => set({ bufferBeforeMin: e.target.value })} />}
              </Field>
              <Field id="schedule-bufferAfterMin" label={t('schedules.bufferAfter')} error={fieldErrors.bufferAfterMin}>
                {(aria) => <input {...aria} type="number" min={0} max={240} step={5} value={state.bufferAfterMin} onChange={(e) => set({ bufferAfterMin: e.target.value })} />}
              </Field>
            </div>
            <p className="hint schedule-buffer-hint">{t('schedules.bufferHint')}</p>
            <div className="field-row">
              <LeadTimeField value={state.leadTime} unit={state.leadUnit} onChange={set} error={fieldErrors.leadTimeMin} />
              <Field id="schedule-horizonDays" label={t('schedules.horizon')} hint={t('schedules.horizonHint')} error={fieldErrors.horizonDays}>
                {(aria) => <input {...aria} type="number" min={1} max={730} value={state.horizonDays} onChange={(e) => set({ horizonDays: e.target.value })} />}
              </Field>
            </div>
            <VisibilityFields visibility={state.visibility} tagMatch={state.tagMatch} tagIds={state.tagIds} onChange={set} errors={fieldErrors} />
            <FieldGroup id="schedule-redeemableWithPasses" legend={t('schedules.passes')} error={fieldErrors.redeemableWithPasses}>
              <RadioOptions
                name="schedule-passes"
                className="radio-row"
                value={state.redeemableWithPasses ? 'yes' : 'no'}
                options={[
                  { value: 'yes', label: t('schedules.passesYes') },
                  { value: 'no', label: t('schedules.passesNo') },
                ]}
                onChange={(v) => set({ redeemableWithPasses: v === 'yes' })}
              />
            </FieldGroup>
          </div>
          <div className="series-form-column">
            <WeeklyGrid week={state.week} onChange={(week) => set({ week })} error={gridError} rangeErrors={rangeErrors} />
          </div>
        </div>
        <ErrorBanner error={errors.banner} onClose={errors.clearBanner} />
        <div className="dialog-actions">
          <CancelSaveButtons onCancel={onClose} saving={busy} label={schedule ? t('app.save') : t('schedules.create')} />
        </div>
      </form>
    </ModalDialog>
  );
}
