import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ApiResult } from '../../src-shared/api/result';
import type { SignInState, TeamMemberAtSignIn } from '../../src-shared/domain/staff';
import { call, onDataChanged, onSignInNeeded } from '../api/client';
import { SignInScreen } from './SignInScreen';
import { useIdleLock } from './useIdleLock';

interface SessionValue {
  state: SignInState;
  /** The signed-in person (or, with PINs off, the one chosen as "my calendar"). */
  me: TeamMemberAtSignIn | undefined;
  /** PINs off: who "my calendar" is (null: nobody). */
  chooseMyCalendar: (staffId: string | null) => Promise<void>;
  /** PINs on: the sign-in screen for someone else, with their PIN pad (the top bar's "Cambiar de persona"). */
  switchTo: (staffId: string) => void;
  lock: () => Promise<void>;
  /** Signs in with a PIN just typed elsewhere (the first PIN, set in Ajustes › Equipo). */
  signIn: (staffId: string, pin: string) => Promise<ApiResult<SignInState>>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionGate');
  return value;
}

// Without PINs, "my calendar" is a preference of this computer: a new page load keeps it.
const myCalendarKey = 'mostrador.myCalendar';

function rememberedCalendar(): string | null {
  try {
    return window.localStorage.getItem(myCalendarKey);
  } catch {
    return null;
  }
}

function rememberCalendar(staffId: string | null): void {
  try {
    if (staffId) window.localStorage.setItem(myCalendarKey, staffId);
    else window.localStorage.removeItem(myCalendarKey);
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
}

/**
 * Who is working at this window. With PINs on and nobody signed in, or the session locked, the
 * sign-in screen takes the place of the app; after each sign-in the app is mounted afresh, so every
 * query runs again as that person. Any call answering sign_in_required or desk_locked brings the
 * screen back; so does the idle lock.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [state, setState] = useState<SignInState>();
  const [failure, setFailure] = useState<ApiError>();
  /** The person picked in "Cambiar de persona", while their PIN pad shows. */
  const [switching, setSwitching] = useState<string | null>(null);
  const [signIns, setSignIns] = useState(0);
  // A sign-in, lock or sign-out decides the state; an auth.state answer counts only when none ran since it was asked.
  const changes = useRef({ started: 0, running: 0 });
  const reads = useRef(0);

  const change = useCallback(async (request: () => Promise<ApiResult<SignInState>>): Promise<ApiResult<SignInState>> => {
    const mine = ++changes.current.started;
    changes.current.running += 1;
    const r = await request();
    changes.current.running -= 1;
    if (r.ok && mine === changes.current.started) {
      setState(r.value);
      setFailure(undefined);
    }
    return r;
  }, []);

  const read = useCallback(async (request: () => Promise<ApiResult<SignInState>>) => {
    const ticket = ++reads.current;
    const before = changes.current.started;
    const r = await request();
    if (ticket !== reads.current || changes.current.running > 0 || changes.current.started !== before) return;
    if (r.ok) {
      setState(r.value);
      setFailure(undefined);
    } else setFailure(r.error);
  }, []);

  const refresh = useCallback(() => void read(() => call('auth.state', {})), [read]);

  useEffect(() => {
    void read(async () => {
      const r = await call('auth.state', {});
      const remembered = rememberedCalendar();
      if (r.ok && !r.value.pinsOn && r.value.staffId === null && remembered && r.value.team.some((m) => m.id === remembered)) {
        return call('auth.signIn', { staffId: remembered });
      }
      return r;
    });
  }, [read]);

  useEffect(() => onSignInNeeded(refresh), [refresh]);
  // PINs set or removed, someone made inactive, the lock's minutes changed: here or at another desk.
  useEffect(() => onDataChanged((tables) => tables.some((table) => table === 'staff' || table === 'centre_settings') && refresh()), [refresh]);

  const signIn = useCallback(
    async (staffId: string, pin: string) => {
      const r = await change(() => call('auth.signIn', { staffId, pin }));
      if (r.ok) {
        setSwitching(null);
        setSignIns((n) => n + 1);
      }
      return r;
    },
    [change],
  );

  const lock = useCallback(async () => {
    await change(() => call('auth.lock', {}));
  }, [change]);

  const chooseMyCalendar = useCallback(
    async (staffId: string | null) => {
      const r = await change(() => (staffId ? call('auth.signIn', { staffId }) : call('auth.signOut', {})));
      if (r.ok) rememberCalendar(r.value.staffId);
    },
    [change],
  );

  const signedIn = state !== undefined && state.pinsOn && state.staffId !== null && !state.locked;
  useIdleLock(signedIn && switching === null ? (state?.lockAfterMinutes ?? 0) : 0, lock);

  const value = useMemo<SessionValue | null>(
    () =>
      state
        ? {
            state,
            me: state.team.find((m) => m.id === state.staffId),
            chooseMyCalendar,
            switchTo: setSwitching,
            lock,
            signIn,
          }
        : null,
    [state, chooseMyCalendar, lock, signIn],
  );

  if (!state || !value) {
    if (!failure)
      return (
        <div className="startup-failure">
          <p className="muted">{t('app.loading')}</p>
        </div>
      );
    return (
      <div className="startup-failure" role="alert">
        <p>{failure.message || t('signIn.failed')}</p>
        <button type="button" className="button button-primary" onClick={refresh}>
          {t('app.retry')}
        </button>
      </div>
    );
  }

  if (state.pinsOn && (state.staffId === null || state.locked || switching !== null)) {
    return (
      <SignInScreen
        state={state}
        preselected={switching ?? state.staffId}
        switching={switching !== null}
        signIn={signIn}
        onRefresh={refresh}
        onBack={() => setSwitching(null)}
      />
    );
  }

  // With PINs off, choosing "my calendar" keeps the app as it is; each sign-in mounts it afresh.
  const appKey = state.pinsOn ? `${state.staffId ?? ''}#${signIns}` : 'desk';
  return (
    <SessionContext.Provider value={value} key={appKey}>
      {children}
    </SessionContext.Provider>
  );
}
