import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput, CallName, CallResult } from '../../src-shared/api/contract';
import type { InvokeOptions, MostradorBridge } from '../../src-shared/api/invoke';
import type { ApiError, ApiResult } from '../../src-shared/api/result';
import { noteChange, onDataChanged, watchBridge } from './live-tables';
import { newRequestId } from './request-id';

export { onDataChanged } from './live-tables';

declare global {
  interface Window {
    /** Injected by the host: Electron's preload or the browser host. */
    mostrador?: MostradorBridge;
  }
}

export function hasBridge(): boolean {
  return typeof window !== 'undefined' && typeof window.mostrador?.invoke === 'function';
}

type SessionListener = (error: ApiError) => void;
const sessionListeners = new Set<SessionListener>();

/** Told when a call answers that nobody is signed in here, or that the desk is locked: the sign-in screen comes back. */
export function onSignInNeeded(fn: SessionListener): () => void {
  sessionListeners.add(fn);
  return () => sessionListeners.delete(fn);
}

/** Calls in flight by name and input: the same again meanwhile (a double click) is the same action. */
const inFlight = new Map<string, string>();

/**
 * The one door to the data: a typed call through the host's bridge. Never throws. Every call
 * carries a request id (reads ignore it): the caller's, for an action it may retry, or the one of an
 * identical call still in flight, or a new one.
 */
export async function call<C extends CallName>(name: C, input: CallInput<C>, options?: InvokeOptions): Promise<ApiResult<CallResult<C>>> {
  const bridge = window.mostrador;
  if (!bridge) return { ok: false, error: { code: 'internal', message: '' } };
  watchBridge(bridge);
  const key = `${name} ${JSON.stringify(input)}`;
  const requestId = options?.requestId ?? inFlight.get(key) ?? newRequestId();
  const mine = !inFlight.has(key);
  if (mine) inFlight.set(key, requestId);
  let result: ApiResult<CallResult<C>>;
  try {
    result = await bridge.invoke(name, input, { ...options, requestId });
  } catch (e) {
    console.error(`${name} failed`, e);
    return { ok: false, error: { code: 'internal', message: '' } };
  } finally {
    if (mine) inFlight.delete(key);
  }
  // This page's own writes are applied at once; the host's feed tells the same change again later (ignored then).
  if (result.ok && result.changed) noteChange(result.changed);
  if (!result.ok && (result.error.code === 'sign_in_required' || result.error.code === 'desk_locked')) {
    for (const fn of sessionListeners) fn(result.error);
  }
  return result;
}

/** Opens a WhatsApp (or other allow-listed) link outside the app. */
export function openExternal(url: string): void {
  const open = window.mostrador?.openExternal;
  if (open) void open(url);
  else window.open(url, '_blank', 'noopener');
}

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Re-renders (a new version) when a change names one of the tables `reads` holds; until the first
 * answer says which tables it read (or when the host does not say), after any change.
 */
export function useTablesVersion(): { version: number; reads: { current: readonly string[] | undefined }; bump: () => void } {
  const [version, setVersion] = useState(0);
  const reads = useRef<readonly string[] | undefined>(undefined);
  useEffect(
    () =>
      onDataChanged((tables) => {
        const read = reads.current;
        if (!read || tables.some((t) => read.includes(t))) setVersion((v) => v + 1);
      }),
    [],
  );
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  return { version, reads, bump };
}

/**
 * Runs a read call and keeps its result; runs it again when its input changes, or when a write
 * (here, in another window, another process or a sync) changes one of the tables it read.
 * Pass `null` as input to skip the call.
 */
export function useQuery<C extends CallName>(name: C, input: CallInput<C> | null): QueryState<CallResult<C>> {
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<{ key: string | null; data?: CallResult<C>; error?: ApiError; loading: boolean }>({
    key,
    loading: input !== null,
  });
  const { version, reads, bump } = useTablesVersion();
  const inputRef = useRef(input);
  inputRef.current = input;

  useEffect(() => {
    if (key === null) {
      setState({ key, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, key, loading: true }));
    void call(name, inputRef.current as CallInput<C>).then((r) => {
      if (!live) return;
      reads.current = r.ok ? r.reads : undefined;
      if (r.ok) setState({ key, data: r.value, loading: false });
      else setState({ key, error: r.error, loading: false });
    });
    return () => {
      live = false;
    };
  }, [name, key, version, reads]);

  return { data: state.data, error: state.error, loading: state.loading, reload: bump };
}
