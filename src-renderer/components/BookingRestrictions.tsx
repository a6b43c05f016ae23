import { useTranslation } from 'react-i18next';
import type { BookingEligibility } from '../../src-shared/domain/agenda';

/** Whether booking this client needs the desk to say why (the rules allow it, with a reason). */
export function needsOverride(eligibility: BookingEligibility | undefined, redeemPass: boolean): boolean {
  return eligibility !== undefined && (eligibility.lacksTags || (redeemPass && eligibility.pass === 'none'));
}

/** Whether nothing the desk says can book this client (blacklisted, or already in the session). */
export function cannotBook(eligibility: BookingEligibility | undefined): boolean {
  return eligibility !== undefined && (eligibility.blacklisted || eligibility.alreadyBooked);
}

/** The marks beside a client in a session's picker: what keeps them out before anyone clicks. */
export function BookingRestrictions({ eligibility }: { eligibility: BookingEligibility | undefined }) {
  const { t } = useTranslation();
  if (!eligibility) return null;
  const tags = eligibility.missingTags.map((tag) => tag.name).join(', ');
  return (
    <>
      {eligibility.blacklisted && <span className="badge badge-danger">{t('restrictions.blacklisted')}</span>}
      {eligibility.alreadyBooked && <span className="badge badge-muted">{t('restrictions.alreadyBooked')}</span>}
      {eligibility.lacksTags && (
        <span className="badge badge-warning">
          {tags ? t(eligibility.tagMatch === 'all' || eligibility.missingTags.length === 1 ? 'restrictions.lacksTagsAll' : 'restrictions.lacksTagsAny', { tags }) : t('restrictions.lacksTagsNone')}
        </span>
      )}
      {eligibility.pass === 'none' && <span className="badge badge-warning">{t('restrictions.noPass')}</span>}
    </>
  );
}
