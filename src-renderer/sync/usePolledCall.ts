import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput, CallName, CallResult } from '../../src-shared/api/contract';
import type { ApiError } from '../../src-shared/api/result';
import { call, onDataChanged } from '../api/client';

interface Polled<T> {
  key: string | null;
  /** The last answer as JSON: an answer equal to it changes nothing (no re-render every poll). */
  json?: string;
  data?: T;
  error?: ApiError;
}

/**
 * A read asked every `everyMs`, after any write, and on `reload`: for state that changes without
 * any table changing (sync runs in main and tells no one). Pass `null` as input to stop asking.
 */
export function usePolledCall<C extends CallName>(name: C, input: CallInput<C> | null, everyMs: number) {
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<Polled<CallResult<C>>>({ key: null });
  const [tick, setTick] = useState(0);
  const inputRef = useRef(input);
  inputRef.current = input;

  useEffect(() => {
    if (key === null) return;
    let live = true;
    let asked = 0;
    let applied = 0;
    const ask = async () => {
      const mine = ++asked;
      const r = await call(name, inputRef.current as CallInput<C>);
      // An older answer arriving after a newer one is dropped.
      if (!live || mine < applied) return;
      applied = mine;
      const json = JSON.stringify(r.ok ? r.value : r.error);
      setState((s) => (s.key === key && s.json === json ? s : r.ok ? { key, json, data: r.value } : { key, json, error: r.error }));
    };
    void ask();
    const timer = window.setInterval(() => void ask(), everyMs);
    const off = onDataChanged(() => void ask());
    return () => {
      live = false;
      window.clearInterval(timer);
      off();
    };
  }, [name, key, everyMs, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const current = state.key === key && key !== null;
  return { data: current ? state.data : undefined, error: current ? state.error : undefined, reload };
}
