import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';
import type { Client } from '../../src-shared/domain/client';
import type { Tag } from '../../src-shared/domain/tag';
import { call, useQuery } from '../api/client';
import { TagChip } from '../components/bits';
import { PanelSection } from '../components/PanelSection';
import { href } from '../lib/router';

interface ClientTagsSectionProps {
  client: Client | null;
  /** The tags of a client not yet created: they are sent with its creation. */
  newTagIds: string[];
  setNewTagIds: (ids: string[]) => void;
  onError: (error: ApiError) => void;
}

/** The client's tags: remove one by its chip, add one from a list. An existing client's change is saved at once. */
export function ClientTagsSection({ client, newTagIds, setNewTagIds, onError }: ClientTagsSectionProps) {
  const { t } = useTranslation();
  const tags = useQuery('tags.list', {});
  const all = tags.data ?? [];
  const assigned: Tag[] = client ? client.tags : all.filter((tag) => newTagIds.includes(tag.id));
  const available = all.filter((tag) => !assigned.some((a) => a.id === tag.id));

  const add = async (tagId: string) => {
    if (!tagId) return;
    if (!client) {
      setNewTagIds([...newTagIds, tagId]);
      return;
    }
    const r = await call('clients.addTag', { clientId: client.id, tagId });
    if (!r.ok) onError(r.error);
  };
  const remove = async (tagId: string) => {
    if (!client) {
      setNewTagIds(newTagIds.filter((x) => x !== tagId));
      return;
    }
    const r = await call('clients.removeTag', { clientId: client.id, tagId });
    if (!r.ok) onError(r.error);
  };

  return (
    <PanelSection id="section-tags" title={t('card.tags')} className="card-section">
      {assigned.length === 0 ? (
        <p className="muted">{t('card.noTags')}</p>
      ) : (
        <ul className="chips" aria-label={t('card.tags')}>
          {assigned.map((tag) => (
            <li key={tag.id}>
              <TagChip tag={tag}>
                <button type="button" className="chip-remove" aria-label={t('card.removeTag', { tag: tag.name })} onClick={() => void remove(tag.id)}>
                  ×
                </button>
              </TagChip>
            </li>
          ))}
        </ul>
      )}
      {all.length === 0 && !tags.loading ? (
        <p className="muted small">
          <a href={href({ page: 'settings' })}>{t('card.noTagsDefined')}</a>
        </p>
      ) : (
        available.length > 0 && (
          <div className="field field-inline">
            <label htmlFor="client-add-tag">{t('card.addTag')}</label>
            <select id="client-add-tag" value="" onChange={(e) => void add(e.target.value)}>
              <option value="">{t('card.chooseTag')}</option>
              {available.map((tag) => (
                <option key={tag.id} value={tag.id}>
                  {tag.name}
                </option>
              ))}
            </select>
          </div>
        )
      )}
    </PanelSection>
  );
}
