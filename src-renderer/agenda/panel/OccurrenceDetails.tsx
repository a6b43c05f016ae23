import { useTranslation } from 'react-i18next';
import type { OccurrenceDetail, Recurrence } from '../../../src-shared/domain/agenda';
import { useQuery } from '../../api/client';
import { useSettings } from '../../app/settings-context';
import { useToast } from '../../app/toasts';
import { TagChip } from '../../components/bits';
import { formatDate } from '../../lib/format';
import { formatDateTime, formatTime, weekdayNames } from '../../lib/time';

function useRecurrenceText(): (r: Recurrence | null) => string {
  const { t } = useTranslation();
  const names = weekdayNames('long');
  return (r) => {
    if (!r) return t('occurrence.oneOff');
    const days = [...r.weekdays]
      .sort()
      .map((d) => names[d - 1])
      .join(', ');
    const base = r.intervalWeeks === 1 ? t('occurrence.weekly', { days }) : t('occurrence.everyNWeeks', { count: r.intervalWeeks, days });
    if (r.end.kind === 'until') return `${base}, ${t('occurrence.until', { date: formatDate(r.end.date, 'long') })}`;
    if (r.end.kind === 'weeks') return `${base}, ${t('occurrence.forWeeks', { count: r.end.weeks })}`;
    return base;
  };
}

/** What the entry is: when, who, where, places, attendance mode and tags, passes, description, cover. */
export function OccurrenceDetails({ detail }: { detail: OccurrenceDetail }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const recurrenceText = useRecurrenceText();
  const { occurrence: o, series } = detail;
  const types = useQuery('sessionTypes.list', series.sessionTypeId ? {} : null);
  const tags = useQuery('tags.list', series.attendanceMode === 'tags' && series.tagIds.length ? {} : null);
  const cover = useQuery('series.coverImage', series.hasCoverImage ? { id: series.id } : null);
  const type = types.data?.find((x) => x.id === series.sessionTypeId);
  const isSession = o.kind === 'session';
  const free = o.places === null ? null : Math.max(0, o.places - o.bookedCount);
  const attendanceLabel = {
    booking: t('seriesForm.attendanceBooking'),
    tags: t('seriesForm.attendanceTags'),
    open: t('seriesForm.attendanceOpen'),
  }[series.attendanceMode];

  return (
    <section className="panel-block" aria-label={t('occurrence.details')}>
      {cover.data?.dataUrl && <img className="occurrence-cover" src={cover.data.dataUrl} alt={t('occurrence.cover', { title: series.title })} />}
      <dl className="details-list">
        <div>
          <dt>{t('occurrence.when')}</dt>
          <dd>
            {formatDateTime(o.startsAt, settings.timeZone)}–{formatTime(o.endsAt, settings.timeZone)}
          </dd>
        </div>
        <div>
          <dt>{t('occurrence.organizer')}</dt>
          <dd>
            <span className="staff-dot" aria-hidden="true" style={{ background: o.colour }} /> {o.organizerName}
          </dd>
        </div>
        {type && (
          <div>
            <dt>{t('occurrence.sessionType')}</dt>
            <dd>{type.name}</dd>
          </div>
        )}
        {(isSession || o.kind === 'meeting') && (
          <div>
            <dt>{t('occurrence.mode')}</dt>
            <dd>
              {series.mode === 'online' ? t('occurrence.online') : t('occurrence.inPerson')}
              {series.mode === 'online' && series.onlineLink && <OnlineLink url={series.onlineLink} />}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('occurrence.recurrence')}</dt>
          <dd>{recurrenceText(series.recurrence)}</dd>
        </div>
        {isSession && (
          <>
            <div>
              <dt>{t('occurrence.places')}</dt>
              <dd className={free === 0 ? 'text-strong' : undefined}>
                {o.places === null
                  ? t('occurrence.placesUnlimited', { booked: o.bookedCount })
                  : t('occurrence.placesValue', { booked: o.bookedCount, places: o.places, free })}
              </dd>
            </div>
            <div>
              <dt>{t('occurrence.attendanceMode')}</dt>
              <dd>{attendanceLabel}</dd>
            </div>
            {series.attendanceMode === 'tags' && (
              <div>
                <dt>{t('occurrence.tags')}</dt>
                <dd className="stack-tight">
                  <span className="small muted">{series.tagMatch === 'all' ? t('occurrence.tagMatchAll') : t('occurrence.tagMatchAny')}</span>
                  <span className="chips">
                    {tags.data?.filter((tag) => series.tagIds.includes(tag.id)).map((tag) => <TagChip key={tag.id} tag={tag} />)}
                  </span>
                </dd>
              </div>
            )}
            <div>
              <dt>{t('occurrence.passes')}</dt>
              <dd>{series.redeemableWithPasses ? t('app.yes') : t('app.no')}</dd>
            </div>
          </>
        )}
        {series.description && (
          <div className="details-wide">
            <dt>{t('occurrence.description')}</dt>
            <dd className="pre-line">{series.description}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

/** The online session's link, to read out or paste into a message (the shell opens only WhatsApp links). */
function OnlineLink({ url }: { url: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      toast(t('occurrence.linkCopied'));
    } catch {
      // No clipboard (an insecure page): the link stays selectable on screen.
    }
  };
  return (
    <span className="online-link">
      <span className="online-link-url">{url}</span>
      <button type="button" className="button button-small" onClick={() => void copy()}>
        {t('occurrence.copyLink')}
      </button>
    </span>
  );
}
