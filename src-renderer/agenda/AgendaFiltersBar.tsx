import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaKind } from '../../src-shared/domain/agenda';
import { useDesk } from '../staff/desk-context';
import { agendaKinds, isFiltered, noFilters, type AgendaFilters } from './agenda-filters';
import { Popover } from './Popover';

interface AgendaFiltersBarProps {
  filters: AgendaFilters;
  onChange: (filters: AgendaFilters) => void;
}

/** Professionals ("Mi calendario" or chosen ones), event types and recurrence. */
export function AgendaFiltersBar({ filters, onChange }: AgendaFiltersBarProps) {
  const { t } = useTranslation();
  const recurrenceId = useId();
  return (
    <div className="agenda-filters" role="group" aria-label={t('agenda.filters')}>
      <StaffFilter filters={filters} onChange={onChange} />
      <fieldset className="kind-filter">
        <legend className="visually-hidden">{t('agenda.kindFilter')}</legend>
        {agendaKinds.map((kind) => (
          <label key={kind} className={`kind-toggle kind-${kind}`}>
            <input
              type="checkbox"
              checked={filters.kinds.includes(kind)}
              onChange={(e) =>
                onChange({ ...filters, kinds: e.target.checked ? agendaKinds.filter((k) => k === kind || filters.kinds.includes(k)) : filters.kinds.filter((k) => k !== kind) })
              }
            />
            {t(`agenda.kinds.${kind}` as `agenda.kinds.${AgendaKind}`)}
          </label>
        ))}
      </fieldset>
      <div className="field field-inline">
        <label htmlFor={recurrenceId}>{t('agenda.recurrenceFilter')}</label>
        <select id={recurrenceId} value={filters.recurrence} onChange={(e) => onChange({ ...filters, recurrence: e.target.value as AgendaFilters['recurrence'] })}>
          <option value="all">{t('agenda.recurrenceAll')}</option>
          <option value="recurring">{t('agenda.recurring')}</option>
          <option value="one_off">{t('agenda.oneOff')}</option>
        </select>
      </div>
      {isFiltered(filters) && (
        <button type="button" className="button button-small" onClick={() => onChange(noFilters)}>
          {t('agenda.clearFilters')}
        </button>
      )}
    </div>
  );
}

function StaffFilter({ filters, onChange }: AgendaFiltersBarProps) {
  const { t } = useTranslation();
  const { staff, deskStaffId } = useDesk();
  const s = filters.staff;
  const chosen = s.mode === 'chosen' ? s.ids : [];
  const summary = s.mode === 'all' ? t('agenda.recurrenceAll') : s.mode === 'mine' ? t('agenda.staffMine') : t('agenda.staffChosen', { count: chosen.length });
  const toggle = (id: string, on: boolean) => {
    const ids = on ? [...chosen, id] : chosen.filter((x) => x !== id);
    onChange({ ...filters, staff: ids.length ? { mode: 'chosen', ids } : { mode: 'all' } });
  };
  return (
    <Popover label={t('agenda.staffFilter')} buttonText={<span><span className="muted">{t('agenda.staffFilter')}: </span>{summary}</span>}>
      {() => (
        <div className="stack staff-filter">
          <label className="checkbox">
            <input type="radio" name="staff-mode" checked={s.mode === 'all'} onChange={() => onChange({ ...filters, staff: { mode: 'all' } })} />
            {t('agenda.staffAll')}
          </label>
          <label className="checkbox">
            <input type="radio" name="staff-mode" checked={s.mode === 'mine'} onChange={() => onChange({ ...filters, staff: { mode: 'mine' } })} />
            {t('agenda.staffMine')}
          </label>
          {s.mode === 'mine' && !deskStaffId && <p className="hint">{t('agenda.staffMineNobody')}</p>}
          <hr />
          {staff.map((m) => (
            <label key={m.id} className="checkbox">
              <input type="checkbox" checked={chosen.includes(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} />
              <span className="staff-dot" aria-hidden="true" style={{ background: m.colour }} />
              {m.name}
            </label>
          ))}
        </div>
      )}
    </Popover>
  );
}
