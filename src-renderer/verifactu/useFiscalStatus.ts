import { usePolledCall } from '../sync/usePolledCall';

/** The submitter works in main and tells no one: its status is asked every few seconds (and after any write). */
const pollMs = 5_000;

export function useFiscalStatus() {
  return usePolledCall('fiscal.status', {}, pollMs);
}
