import { useEffect, useState, type CSSProperties, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../src-shared/api/result';
import type { SignInState, TeamMemberAtSignIn } from '../../src-shared/domain/staff';
import { useSettings } from '../app/settings-context';
import { useErrorText } from '../components/bits';
import { formatTime } from '../lib/time';
import { PinPad } from './PinPad';

interface SignInScreenProps {
  state: SignInState;
  /** The person whose PIN pad shows first: who locked the desk, or who was picked in "Cambiar de persona". */
  preselected: string | null;
  /** Opened from the top bar: the person signed in can go back without a PIN. */
  switching: boolean;
  signIn: (staffId: string, pin: string) => Promise<ApiResult<SignInState>>;
  /** Asks auth.state again (to learn until when a person is locked out). */
  onRefresh: () => void;
  onBack: () => void;
}

/** Until when five wrong PINs keep someone out, while that is still ahead. */
function lockedOutUntil(member: TeamMemberAtSignIn | undefined, now: number): string | null {
  return member?.lockedOutUntil && Date.parse(member.lockedOutUntil) > now ? member.lockedOutUntil : null;
}

/** The full-screen "who is working now?": the team as big buttons, then the chosen person's PIN pad. */
export function SignInScreen({ state, preselected, switching, signIn, onRefresh, onBack }: SignInScreenProps) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const errorText = useErrorText();
  const [chosenId, setChosenId] = useState<string | null>(() => (state.team.some((m) => m.id === preselected && m.hasPin) ? preselected : null));
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const now = Date.now();
  const chosen = state.team.find((m) => m.id === chosenId && m.hasPin);
  const current = state.team.find((m) => m.id === state.staffId);
  const chosenLockedOut = lockedOutUntil(chosen, now);

  // A lockout ends on its own: ask again when it does, so the pad opens.
  const nextLockoutEnd = Math.min(...state.team.map((m) => (lockedOutUntil(m, now) ? Date.parse(m.lockedOutUntil!) : Infinity)));
  useEffect(() => {
    if (!Number.isFinite(nextLockoutEnd)) return;
    const timer = window.setTimeout(onRefresh, Math.max(0, nextLockoutEnd - Date.now()) + 500);
    return () => window.clearTimeout(timer);
  }, [nextLockoutEnd, onRefresh]);

  const choose = (member: TeamMemberAtSignIn) => {
    setChosenId(member.id);
    setPin('');
    setError(undefined);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen || !pin || busy) return;
    setBusy(true);
    const r = await signIn(chosen.id, pin);
    setBusy(false);
    if (r.ok) return;
    setPin('');
    setError(errorText(r.error));
    if (r.error.code === 'pin_locked_out') onRefresh();
  };

  const lockedName = state.locked ? current?.name : undefined;
  const title = lockedName ? t('signIn.locked', { name: lockedName }) : switching ? t('signIn.switching') : t('signIn.title');
  const padError = chosenLockedOut ? t('signIn.lockedOutUntil', { time: formatTime(chosenLockedOut, settings.timeZone) }) : error;

  return (
    <main className="sign-in" aria-labelledby="sign-in-title">
      <div className="sign-in-card">
        <header className="sign-in-head">
          <span className="brand-mark" aria-hidden="true">
            M
          </span>
          <div>
            <p className="sign-in-centre">{settings.name}</p>
            <h1 id="sign-in-title">{title}</h1>
            <p className="muted">{lockedName ? t('signIn.lockedHint') : t('signIn.choose')}</p>
          </div>
        </header>
        <div className="sign-in-body">
          <ul className="sign-in-team" aria-label={t('signIn.team')}>
            {state.team.map((member) => {
              const out = lockedOutUntil(member, now);
              return (
                <li key={member.id}>
                  <button
                    type="button"
                    className="sign-in-member"
                    aria-pressed={member.id === chosenId}
                    disabled={!member.hasPin}
                    style={{ '--member-colour': member.colour } as CSSProperties}
                    onClick={() => choose(member)}
                  >
                    <span className="staff-dot staff-dot-large" aria-hidden="true" style={{ background: member.colour }} />
                    <span className="sign-in-member-text">
                      <strong>{member.name}</strong>
                      <span className="small muted">{t(`staff.roles.${member.role}`)}</span>
                      {!member.hasPin && <span className="small muted">{t('signIn.noPin')}</span>}
                      {out && <span className="small sign-in-out">{t('signIn.lockedOutUntil', { time: formatTime(out, settings.timeZone) })}</span>}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
          <div className="sign-in-side">
            {chosen ? (
              <form noValidate className="sign-in-pad" onSubmit={(e) => void submit(e)}>
                <PinPad
                  key={chosen.id}
                  id="sign-in-pin"
                  label={t('signIn.pinFor', { name: chosen.name })}
                  value={pin}
                  onChange={(next) => {
                    setPin(next);
                    if (next) setError(undefined);
                  }}
                  error={padError}
                  disabled={busy || chosenLockedOut !== null}
                  okLabel={busy ? t('signIn.signingIn') : t('signIn.okLabel')}
                  captureWindowKeys
                  autoFocus
                />
              </form>
            ) : (
              <p className="muted sign-in-pick">{t('signIn.pickSomeone')}</p>
            )}
            {switching && current && (
              <button type="button" className="button" onClick={onBack}>
                {t('signIn.back', { name: current.name })}
              </button>
            )}
          </div>
        </div>
      </div>
    </main>
  );
}
