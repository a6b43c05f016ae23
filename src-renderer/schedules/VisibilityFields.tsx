import { useTranslation } from 'react-i18next';
import type { TagMatch } from '../../src-shared/domain/agenda';
import type { ScheduleVisibility } from '../../src-shared/domain/appointments';
import { FieldGroup, RadioOptions } from '../agenda/form/Field';
import { useQuery } from '../api/client';
import { TagChip } from '../components/bits';

interface VisibilityFieldsProps {
  visibility: ScheduleVisibility;
  tagMatch: TagMatch;
  tagIds: string[];
  onChange: (patch: { visibility?: ScheduleVisibility; tagMatch?: TagMatch; tagIds?: string[] }) => void;
  errors: { visibility?: string; tagMatch?: string; tagIds?: string };
}

/** Who sees the schedule's free times when clients book themselves: everyone, or clients with tags (ALL or ANY). */
export function VisibilityFields({ visibility, tagMatch, tagIds, onChange, errors }: VisibilityFieldsProps) {
  const { t } = useTranslation();
  const tags = useQuery('tags.list', visibility === 'tags' ? {} : null);
  const toggleTag = (id: string, on: boolean) => onChange({ tagIds: on ? [...tagIds, id] : tagIds.filter((x) => x !== id) });
  return (
    <FieldGroup id="schedule-visibility" legend={t('schedules.visibility')} error={errors.visibility}>
      <RadioOptions
        name="schedule-visibility"
        className="radio-row"
        value={visibility}
        options={[
          { value: 'all', label: t('schedules.visibilityAll') },
          { value: 'tags', label: t('schedules.visibilityTags') },
        ]}
        onChange={(v) => onChange({ visibility: v })}
      />
      {visibility === 'tags' && (
        <div className="stack tag-settings">
          <FieldGroup id="schedule-tagMatch" legend={t('schedules.tagMatch')} error={errors.tagMatch}>
            <RadioOptions
              name="schedule-tag-match"
              className="radio-row"
              value={tagMatch}
              options={[
                { value: 'all', label: t('schedules.tagMatchAll') },
                { value: 'any', label: t('schedules.tagMatchAny') },
              ]}
              onChange={(m) => onChange({ tagMatch: m })}
            />
          </FieldGroup>
          <FieldGroup id="schedule-tagIds" legend={t('schedules.tags')} error={errors.tagIds}>
            {tags.data?.length === 0 && <p className="hint">{t('schedules.noTags')}</p>}
            <div className="tag-picker">
              {tags.data?.map((tag) => (
                <label key={tag.id} className="tag-option">
                  <input type="checkbox" checked={tagIds.includes(tag.id)} onChange={(e) => toggleTag(tag.id, e.target.checked)} />
                  <TagChip tag={tag} />
                </label>
              ))}
            </div>
          </FieldGroup>
        </div>
      )}
    </FieldGroup>
  );
}
