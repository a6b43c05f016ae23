import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Popover } from '../agenda/Popover';
import { useSession } from '../sign-in/session-context';
import { useDesk } from './desk-context';
import { StaffOptions } from './StaffOptions';

/** The top bar's "who is working at this desk": "Mi calendario" is that person's entries. */
export function WhoIsWorking() {
  const { state } = useSession();
  return state.pinsOn ? <SignedInMenu /> : <MyCalendarSelect />;
}

/** PINs off: a select of the active team (everyone acts as the owner; it only says whose calendar is "mine"). */
function MyCalendarSelect() {
  const { t } = useTranslation();
  const { chooseMyCalendar } = useSession();
  const { activeStaff, deskStaffId, staffById } = useDesk();
  const id = useId();
  const current = staffById(deskStaffId);
  return (
    <div className="desk-switcher">
      <span className="desk-dot" aria-hidden="true" style={{ background: current?.colour ?? 'transparent' }} />
      <label htmlFor={id} className="visually-hidden">
        {t('desk.label')}
      </label>
      <select id={id} value={deskStaffId ?? ''} title={t('desk.label')} onChange={(e) => void chooseMyCalendar(e.target.value || null)}>
        <option value="">{t('desk.nobody')}</option>
        <StaffOptions staff={activeStaff} chosen={current} />
      </select>
    </div>
  );
}

/** PINs on: the signed-in person, and a menu to switch to someone else (their PIN pad) or lock the desk. */
function SignedInMenu() {
  const { t } = useTranslation();
  const { state, me, switchTo, lock } = useSession();
  if (!me) return null;
  const role = t(`staff.roles.${me.role}`);
  const others = state.team.filter((m) => m.id !== me.id && m.hasPin);
  return (
    <Popover
      className="who-menu popover-right"
      label={t('desk.menu', { name: me.name, role })}
      buttonLabel={t('desk.menu', { name: me.name, role })}
      buttonText={
        <>
          <span className="desk-dot" aria-hidden="true" style={{ background: me.colour }} />
          <span className="who-name">{me.name}</span>
          <span className="who-role small muted">{role}</span>
        </>
      }
    >
      {(close) => (
        <div className="menu-list">
          <p className="menu-heading small muted" id="who-switch-heading">
            {t('desk.switchPerson')}
          </p>
          <div role="group" aria-labelledby="who-switch-heading" className="menu-list">
            {others.length === 0 && <p className="small muted menu-note">{t('desk.nobodyElse')}</p>}
            {others.map((m) => (
              <button
                key={m.id}
                type="button"
                className="menu-item"
                onClick={() => {
                  close();
                  switchTo(m.id);
                }}
              >
                <span className="staff-dot" aria-hidden="true" style={{ background: m.colour }} />
                {m.name}
                <span className="small muted">{t(`staff.roles.${m.role}`)}</span>
              </button>
            ))}
          </div>
          <hr className="menu-separator" />
          <button
            type="button"
            className="menu-item"
            aria-label={t('desk.lockLabel')}
            onClick={() => {
              close();
              void lock();
            }}
          >
            {t('desk.lock')}
          </button>
        </div>
      )}
    </Popover>
  );
}
