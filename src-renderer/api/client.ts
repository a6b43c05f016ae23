import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput, CallName, CallResult, ReadCallName } from '../../src-shared/api/contract';
import type { MostradorBridge } from '../../src-shared/api/invoke';
import type { ApiError, ApiResult } from '../../src-shared/api/result';

declare global {
  interface Window {
    /** Injected by the host: Electron's preload or the browser host. */
    mostrador?: MostradorBridge;
  }
}

/**
 * Calls that only read: every other call changes data, and listeners are told after it succeeds.
 * Typed by the contract, so a new query missing here (or a write listed here) does not compile.
 */
const readCalls: Record<ReadCallName, true> = {
  'settings.get': true,
  'clients.get': true,
  'clients.search': true,
  'clients.checkDuplicates': true,
  'tags.list': true,
  'customFields.list': true,
  'staff.list': true,
  'desk.get': true,
  'sessionTypes.list': true,
  'services.list': true,
  'series.get': true,
  'series.coverImage': true,
  'sessions.get': true,
  'sessions.visibleTo': true,
  'agenda.range': true,
  'agenda.figures': true,
  'agenda.dailyList': true,
  'notifications.list': true,
  'schedules.list': true,
  'schedules.get': true,
  'schedules.exceptions': true,
  'holidays.list': true,
  'slots.find': true,
  'appointments.get': true,
  'clients.history': true,
  'passProducts.list': true,
  'planProducts.list': true,
  'passes.ofClient': true,
  'passes.ledger': true,
  'passes.pending': true,
  'passes.toSchedule': true,
  'passes.coverage': true,
  'creditPolicy.get': true,
  'promos.list': true,
  'promos.ofClient': true,
  'checkout.quote': true,
  'sales.get': true,
  'sales.list': true,
  'clients.stats': true,
};

function isReadCall(name: CallName): boolean {
  return Object.hasOwn(readCalls, name);
}

type ChangeListener = (call: CallName) => void;
const listeners = new Set<ChangeListener>();

/** Runs `fn` after every successful write; returns the unsubscribe function. */
export function onDataChanged(fn: ChangeListener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function hasBridge(): boolean {
  return typeof window !== 'undefined' && typeof window.mostrador?.invoke === 'function';
}

/** The one door to the data: a typed call through the host's bridge. Never throws. */
export async function call<C extends CallName>(name: C, input: CallInput<C>): Promise<ApiResult<CallResult<C>>> {
  const bridge = window.mostrador;
  if (!bridge) return { ok: false, error: { code: 'internal', message: '' } };
  let result: ApiResult<CallResult<C>>;
  try {
    result = await bridge.invoke(name, input);
  } catch (e) {
    console.error(`${name} failed`, e);
    return { ok: false, error: { code: 'internal', message: '' } };
  }
  if (result.ok && !isReadCall(name)) for (const fn of listeners) fn(name);
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
 * Runs a read call and keeps its result; runs it again when its input changes or after any write.
 * Pass `null` as input to skip the call.
 */
export function useQuery<C extends CallName>(name: C, input: CallInput<C> | null): QueryState<CallResult<C>> {
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<{ key: string | null; data?: CallResult<C>; error?: ApiError; loading: boolean }>({
    key,
    loading: input !== null,
  });
  const [version, setVersion] = useState(0);
  const inputRef = useRef(input);
  inputRef.current = input;

  useEffect(() => onDataChanged(() => setVersion((v) => v + 1)), []);

  useEffect(() => {
    if (key === null) {
      setState({ key, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, key, loading: true }));
    void call(name, inputRef.current as CallInput<C>).then((r) => {
      if (!live) return;
      if (r.ok) setState({ key, data: r.value, loading: false });
      else setState({ key, error: r.error, loading: false });
    });
    return () => {
      live = false;
    };
  }, [name, key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
