import { useTranslation } from 'react-i18next';
import type { TagMatch } from '../../src-shared/domain/agenda';
import type { ScheduleVisibility } from '../../src-shared/domain/appointments';
import { FieldGroup, RadioOptions } from '../agenda/form/Field';
import { TagMatchFields } from '../components/TagMatchFields';

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
        <TagMatchFields idPrefix="schedule" texts="schedules" tagMatch={tagMatch} tagIds={tagIds} onChange={onChange} errors={errors} />
      )}
    </FieldGroup>
  );
}
