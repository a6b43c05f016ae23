import { vi } from 'vitest';

/** Fixes `new Date()` (only Date: timers and the database keep real time) at an ISO instant. */
export function fixClock(iso: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}
