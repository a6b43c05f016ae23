import { useRef } from 'react';

/** A new request id (a UUID): one per user action, so a retry of that action writes once. */
export function newRequestId(): string {
  return crypto.randomUUID();
}

/**
 * One request id for a form's whole life: every attempt to submit it (a double click, a retry after
 * a lost answer) is one action, so it writes at most once. A form opened again gets a new one.
 */
export function useRequestId(): string {
  const id = useRef<string | null>(null);
  id.current ??= newRequestId();
  return id.current;
}
