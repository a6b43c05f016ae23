import { useTranslation } from 'react-i18next';
import type { AttendanceMode } from '../../../src-shared/domain/agenda';
import { useQuery } from '../../api/client';
import { TagChip } from '../../components/bits';
import { Field, FieldGroup } from './Field';
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
  const tags = useQuery('tags.list', {});
  const toggleTag = (id: string, on: boolean) => set({ tagIds: on ? [...state.tagIds, id] : state.tagIds.filter((x) => x !== id) });
  return (
    <>
      <FieldGroup id="series-attendance" legend={t('seriesForm.attendance')} error={errors.attendanceMode}>
        <div className="stack">
          {modes.map(({ mode, key }) => (
            <label key={mode} className="checkbox">
              <input type="radio" name="series-attendance" checked={state.attendanceMode === mode} onChange={() => set({ attendanceMode: mode })} />
              {t(`seriesForm.${key}`)}
            </label>
          ))}
        </div>
        {state.attendanceMode === 'tags' && (
          <div className="stack tag-settings">
            <FieldGroup id="series-tag-match" legend={t('seriesForm.tagMatch')} error={errors.tagMatch}>
              <div className="radio-row">
                <label className="checkbox">
                  <input type="radio" name="series-tag-match" checked={state.tagMatch === 'all'} onChange={() => set({ tagMatch: 'all' })} />
                  {t('seriesForm.tagMatchAll')}
                </label>
                <label className="checkbox">
                  <input type="radio" name="series-tag-match" checked={state.tagMatch === 'any'} onChange={() => set({ tagMatch: 'any' })} />
                  {t('seriesForm.tagMatchAny')}
                </label>
              </div>
            </FieldGroup>
            <FieldGroup id="series-tags" legend={t('seriesForm.tags')} error={errors.tagIds}>
              {tags.data?.length === 0 && <p className="hint">{t('seriesForm.noTags')}</p>}
              <div className="tag-picker">
                {tags.data?.map((tag) => (
                  <label key={tag.id} className="tag-option">
                    <input type="checkbox" checked={state.tagIds.includes(tag.id)} onChange={(e) => toggleTag(tag.id, e.target.checked)} />
                    <TagChip tag={tag} />
                  </label>
                ))}
              </div>
            </FieldGroup>
          </div>
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
