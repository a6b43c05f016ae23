import { useEffect, useState } from 'react';
import type { SlotsInput } from '../../src-shared/api/appointments';
import type { ApiError } from '../../src-shared/api/result';
import type { FreeSlot } from '../../src-shared/domain/appointments';
import { call, useTablesVersion } from '../api/client';

interface Fetched {
  key: string;
  slots?: FreeSlot[];
  error?: ApiError;
}

/**
 * slots.find for an input, asked again after a write to the tables it read (a booking elsewhere takes a slot).
 * Unlike useQuery, it never hands back the slots of a previous input while the new ones load:
 * a picked time must belong to the service and professional shown.
 */
export function useFreeSlots(input: SlotsInput | null): { slots: FreeSlot[] | undefined; error: ApiError | undefined } {
  const key = input === null ? '' : JSON.stringify(input);
  const [fetched, setFetched] = useState<Fetched>({ key: '' });
  const { version, reads } = useTablesVersion();

  useEffect(() => {
    if (!key) return;
    let live = true;
    void call('slots.find', JSON.parse(key) as SlotsInput).then((r) => {
      if (!live) return;
      reads.current = r.ok ? r.reads : undefined;
      setFetched(r.ok ? { key, slots: r.value } : { key, error: r.error });
    });
    return () => {
      live = false;
    };
  }, [key, version, reads]);

  const current = key !== '' && fetched.key === key;
  return { slots: current ? fetched.slots : undefined, error: current ? fetched.error : undefined };
}
