import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { SyncStatus } from '../../src-shared/domain/sync';
import { ConflictsDialog } from './ConflictsDialog';
import { usePolledCall } from './usePolledCall';

/** Sync's status is cheap to ask and changes without any table changing. */
const pollMs = 3_000;

interface SyncValue {
  /** Where sync stands; undefined until the first answer (or when the host cannot say). */
  status: SyncStatus | undefined;
  /** Ids of the bookings and appointments made here that the server has not confirmed yet. */
  provisionalBookings: ReadonlySet<string>;
  provisionalAppointments: ReadonlySet<string>;
  reload: () => void;
  /** Opens the conflicts list (from the top bar's panel or Ajustes › Sincronización). */
  showConflicts: () => void;
}

const none: ReadonlySet<string> = new Set();

const SyncContext = createContext<SyncValue>({
  status: undefined,
  provisionalBookings: none,
  provisionalAppointments: none,
  reload: () => {},
  showConflicts: () => {},
});

export function useSync(): SyncValue {
  return useContext(SyncContext);
}

/** Polls sync.status (and, while sync is on, sync.provisional) for the whole app frame, and holds the conflicts list. */
export function SyncProvider({ children }: { children: ReactNode }) {
  const statusQuery = usePolledCall('sync.status', {}, pollMs);
  const status = statusQuery.data;
  const on = status !== undefined && status.state !== 'off';
  const provisionalQuery = usePolledCall('sync.provisional', on ? {} : null, pollMs);
  const provisional = provisionalQuery.data;
  const [conflictsOpen, setConflictsOpen] = useState(false);
  const reloadStatus = statusQuery.reload;
  const reloadProvisional = provisionalQuery.reload;
  const reload = useCallback(() => {
    reloadStatus();
    reloadProvisional();
  }, [reloadStatus, reloadProvisional]);
  const showConflicts = useCallback(() => setConflictsOpen(true), []);

  const value = useMemo<SyncValue>(
    () => ({
      status,
      provisionalBookings: on && provisional ? new Set(provisional.bookings) : none,
      provisionalAppointments: on && provisional ? new Set(provisional.appointments) : none,
      reload,
      showConflicts,
    }),
    [status, on, provisional, reload, showConflicts],
  );

  return (
    <SyncContext.Provider value={value}>
      {children}
      {conflictsOpen && <ConflictsDialog openConflicts={status?.openConflicts ?? 0} onChanged={reload} onClose={() => setConflictsOpen(false)} />}
    </SyncContext.Provider>
  );
}
