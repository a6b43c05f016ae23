import { useTranslation } from 'react-i18next';
import type { TagMatch } from '../../src-shared/domain/agenda';
import { FieldGroup, RadioOptions } from '../agenda/form/Field';
import { useQuery } from '../api/client';
import { TagChip } from './bits';

interface TagMatchFieldsProps {
  /** Ids `${idPrefix}-tagMatch` and `${idPrefix}-tagIds` carry the two errors. */
  idPrefix: string;
  /** Whose words the legends use: a session's or a schedule's. */
  texts: 'seriesForm' | 'schedules';
  tagMatch: TagMatch;
  tagIds: readonly string[];
  onChange: (patch: { tagMatch?: TagMatch; tagIds?: string[] }) => void;
  errors: { tagMatch?: string; tagIds?: string };
}

/** Only clients with tags: whether they need ALL or ANY of them, and which tags. */
export function TagMatchFields({ idPrefix, texts, tagMatch, tagIds, onChange, errors }: TagMatchFieldsProps) {
  const { t } = useTranslation();
  const tags = useQuery('tags.list', {});
  const toggleTag = (id: string, on: boolean) => onChange({ tagIds: on ? [...tagIds, id] : tagIds.filter((x) => x !== id) });
  return (
    <div className="stack tag-settings">
      <FieldGroup id={`${idPrefix}-tagMatch`} legend={t(`${texts}.tagMatch`)} error={errors.tagMatch}>
        <RadioOptions
          name={`${idPrefix}-tag-match`}
          className="radio-row"
          value={tagMatch}
          options={[
            { value: 'all', label: t(`${texts}.tagMatchAll`) },
            { value: 'any', label: t(`${texts}.tagMatchAny`) },
          ]}
          onChange={(m) => onChange({ tagMatch: m })}
        />
      </FieldGroup>
      <FieldGroup id={`${idPrefix}-tagIds`} legend={t(`${texts}.tags`)} error={errors.tagIds}>
        {tags.data?.length === 0 && <p className="hint">{t(`${texts}.noTags`)}</p>}
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
  );
}
