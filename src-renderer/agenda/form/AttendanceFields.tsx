import { useTranslation } from 'react-i18next';
import type { AttendanceMode } from '../../../src-shared/domain/agenda';
import { TagMatchFields } from '../../components/TagMatchFields';
import { Field, FieldGroup, RadioOptions } from './Field';
import type { FormField, SeriesFormState } from './series-form';

interface Props {
  state: SeriesFormState;
  set: (patch: Partial<SeriesFormState>) => void;
  errors: Partial<Record<FormField, string>>;
}

const modes: { mode: AttendanceMode; key: 'attendanceBooking' | 'attendanceTags' | 'attendanceOpen' }[] = [
  { mode: 'booking', key: 'attendanceBooking' },
  { mode: 'tags', key: 'attendanceTags' },
  { mode: 'open', key: 'attendanceOpen' },
];

/** Attendance mode (must book / only with tags, ALL or ANY / no booking), places and passes. */
export function AttendanceFields({ state, set, errors }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <FieldGroup id="series-attendance" legend={t('seriesForm.attendance')} error={errors.attendanceMode}>
        <RadioOptions
          name="series-attendance"
          className="stack"
          value={state.attendanceMode}
          options={modes.map(({ mode, key }) => ({ value: mode, label: t(`seriesForm.${key}`) }))}
          onChange={(attendanceMode) => set({ attendanceMode })}
        />
        {state.attendanceMode === 'tags' && (
          <TagMatchFields idPrefix="series" texts="seriesForm" tagMatch={state.tagMatch} tagIds={state.tagIds} onChange={set} errors={errors} />
        )}
      </FieldGroup>
      <div className="field-row">
        {state.attendanceMode !== 'open' && (
          <Field id="series-places" label={t('seriesForm.places')} hint={t('seriesForm.placesHint')} error={errors.places}>
            {(aria) => <input {...aria} type="number" min={0} max={10000} value={state.places} onChange={(e) => set({ places: e.target.value })} />}
          </Field>
        )}
        <div className="field field-checkbox">
          <label className="checkbox">
            <input type="checkbox" checked={state.redeemableWithPasses} onChange={(e) => set({ redeemableWithPasses: e.target.checked })} aria-describedby="series-passes-hint" />
            {t('seriesForm.passes')}
          </label>
          <p id="series-passes-hint" className="hint">
            {t('seriesForm.passesHint')}
          </p>
        </div>
      </div>
    </>
  );
}
