import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from './desk-context';
import { StaffOptions } from './StaffOptions';

/** The top bar's "who is working at this desk" switcher: "Mi calendario" is that person's entries. */
export function DeskSwitcher() {
  const { t } = useTranslation();
  const { activeStaff, deskStaffId, staffById, setDeskStaff } = useDesk();
  const id = useId();
  const current = staffById(deskStaffId);
  return (
    <div className="desk-switcher">
      <span className="desk-dot" aria-hidden="true" style={{ background: current?.colour ?? 'transparent' }} />
      <label htmlFor={id} className="visually-hidden">
        {t('desk.label')}
      </label>
      <select id={id} value={deskStaffId ?? ''} title={t('desk.label')} onChange={(e) => void setDeskStaff(e.target.value || null)}>
        <option value="">{t('desk.nobody')}</option>
        <StaffOptions staff={activeStaff} chosen={current} />
      </select>
    </div>
  );
}
