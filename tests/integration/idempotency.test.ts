/**
 * Idempotent writes: every write call sent again with the same request id answers what it answered
 * first and writes nothing (no feed entry, no audit entry); the same id with another input or call
 * is refused; a refused call keeps nothing, so its retry runs. A property mixes repeats into random
 * sequences of writes.
 */
import { randomUUID } from 'node:crypto';
import type Sqlite from 'better-sqlite3';
import fc from 'fast-check';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WriteCallName } from '../../src-shared/api/contract';
import { fixClock } from '../helpers/fixed-clock';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import type { SetUpWorld } from '../helpers/write-calls';
import { createRng, generators, readWorld, setUpWorld, writeCallNames } from '../helpers/write-calls';

const NOW = '2027-03-01T08:00:00.000Z';

let api: TempApi;
let world0: SetUpWorld;

beforeAll(async () => {
  fixClock(NOW);
  api = await openTempApi();
  world0 = await setUpWorld(api);
}, 120_000);

afterAll(async () => {
  vi.useRealTimers();
  await api.close();
});

const count = (sqlite: Sqlite.Database, table: string) => Number(sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
const footprint = (sqlite: Sqlite.Database) => ({ feed: count(sqlite, 'feed'), log: count(sqlite, 'change_log') });
/** What the caller sees: a stored answer went through JSON, as every host's answer does. */
const asSent = (value: unknown) => JSON.parse(JSON.stringify(value ?? null)) as unknown;

function worldNow() {
  return readWorld(api.host.database.sqlite, { caller: { staffId: world0.ownerId, role: 'owner' }, protectedStaffIds: [world0.ownerId], ask: api.host.invoke });
}

/** A valid input for the call that the API accepts now, with its first answer; null if none came in 40 tries. */
async function firstAccepted(call: WriteCallName, requestId: string) {
  for (let seed = 1; seed <= 40; seed++) {
    const input = await generators[call](worldNow(), createRng(seed * 7919, 0));
    if (input === null) continue;
    const result = await api.host.invoke(call, input, { requestId });
    if (result.ok) return { input, value: result.value };
  }
  return null;
}

describe('the same request id twice', () => {
  it.each(writeCallNames)('%s writes once and answers the same', async (call) => {
    const requestId = ulid();
    const first = await firstAccepted(call, requestId);
    expect(first, `${call}: no accepted input`).not.toBeNull();
    const before = footprint(api.host.database.sqlite);
    const again = await api.host.invoke(call, first!.input, { requestId });
    expect(again.ok ? asSent(again.value) : again.error).toEqual(asSent(first!.value));
    expect(footprint(api.host.database.sqlite)).toEqual(before);
    if (again.ok) expect(again.changed?.tables).toEqual([]);
  });
});

describe('request ids', () => {
  it('come in the input too (JSON callers), as a ULID or a UUID, in any case', async () => {
    const requestId = randomUUID().toUpperCase();
    const input = { firstName: 'Dora', lastName: 'Idempotente' };
    const first = await api.host.invoke('clients.create', { ...input, requestId } as never);
    expect(first.ok).toBe(true);
    const before = footprint(api.host.database.sqlite);
    const again = await api.host.invoke('clients.create', input, { requestId: requestId.toLowerCase() });
    expect(again.ok && again.value).toEqual(first.ok && asSent(first.value));
    expect(footprint(api.host.database.sqlite)).toEqual(before);
  });

  it('reused for another input or another call are refused, writing nothing', async () => {
    const requestId = ulid();
    expect((await api.host.invoke('tags.create', { name: 'Reintento' }, { requestId })).ok).toBe(true);
    const before = footprint(api.host.database.sqlite);
    const otherInput = await api.host.invoke('tags.create', { name: 'Otra' }, { requestId });
    expect(!otherInput.ok && otherInput.error).toMatchObject({ code: 'request_id_reused', field: 'requestId' });
    const otherCall = await api.host.invoke('clients.create', { firstName: 'Eva', lastName: 'Otra' }, { requestId });
    expect(!otherCall.ok && otherCall.error.code).toBe('request_id_reused');
    expect(footprint(api.host.database.sqlite)).toEqual(before);
  });

  it('that are not a ULID or UUID, or disagree between input and options, are a field error', async () => {
    for (const [input, options] of [
      [{ name: 'X', requestId: 'abc' }, undefined],
      [{ name: 'X', requestId: 42 }, undefined],
      [{ name: 'X' }, { requestId: 'not-an-id' }],
      [{ name: 'X', requestId: ulid() }, { requestId: ulid() }],
    ] as const) {
      const result = await api.host.invoke('tags.create', input as never, options as never);
      expect(!result.ok && result.error).toMatchObject({ code: 'invalid_input', field: 'requestId' });
    }
  });

  it('of a refused call are not kept: the retry, once valid, writes', async () => {
    const requestId = ulid();
    const refused = await api.host.invoke('tags.create', { name: '' }, { requestId });
    expect(refused.ok).toBe(false);
    const retried = await api.host.invoke('tags.create', { name: '' }, { requestId });
    expect(!retried.ok && retried.error.code).toBe(!refused.ok && refused.error.code);
    expect((await api.host.invoke('clients.create', { firstName: 'Retry', lastName: 'Valid' }, { requestId })).ok).toBe(true);
  });

  it('are ignored by reads', async () => {
    const result = await api.host.invoke('tags.list', {}, { requestId: ulid() });
    expect(result.ok).toBe(true);
  });

  it('sent twice at once by two windows write once', async () => {
    const requestId = ulid();
    const before = footprint(api.host.database.sqlite);
    const input = { firstName: 'Doble', lastName: 'Clic' };
    const send = () => api.host.invoke('clients.create', input, { requestId });
    const [x, y] = await Promise.all([send(), send()]);
    expect(x.ok && y.ok).toBe(true);
    expect(asSent(x.ok && x.value)).toEqual(asSent(y.ok && y.value));
    expect(count(api.host.database.sqlite, 'change_log')).toBe(before.log + 1);
  });

  it('of an erased client keep nothing of them, and a late retry still writes nothing', async () => {
    const requestId = ulid();
    const input = { firstName: 'Olvido', lastName: 'Total', phone: '612 99 88 77', notes: 'Alergia al látex' };
    const created = await api.host.invoke('clients.create', input, { requestId });
    expect(created.ok).toBe(true);
    await api.call('clients.delete', { id: created.ok ? (created.value as { client: { id: string } }).client.id : '' });
    const sqlite = api.host.database.sqlite;
    for (const trace of ['Olvido', 'látex', '99 88 77']) {
      expect(sqlite.prepare('SELECT count(*) FROM request_results WHERE instr(answer, ?) > 0').pluck().get(trace)).toBe(0);
    }
    const before = footprint(sqlite);
    const late = await api.host.invoke('clients.create', input, { requestId });
    expect(!late.ok && late.error.code).toBe('not_found');
    expect(footprint(sqlite)).toEqual(before);
  });
});

/** Erasures empty kept answers (tested above) and scrub the audit trail: left out of the mix. */
const mixedCalls = writeCallNames.filter((call) => call !== 'clients.delete');

describe('repeats mixed into random sequences', () => {
  it('every repeat answers its first answer and adds nothing; every new accepted id one audit entry', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(mixedCalls.length * 4 - 1), fc.nat()), { minLength: 5, maxLength: 25 }), async (steps) => {
        const sent: { call: WriteCallName; input: unknown; requestId: string; answer: unknown }[] = [];
        const sqlite = api.host.database.sqlite;
        for (const [pick, seed] of steps) {
          const earlier = sent[seed % Math.max(1, sent.length)];
          if (pick % 4 === 0 && earlier) {
            const before = footprint(sqlite);
            const again = await api.host.invoke(earlier.call, earlier.input as never, { requestId: earlier.requestId });
            expect(again.ok && asSent(again.value)).toEqual(earlier.answer);
            expect(footprint(sqlite)).toEqual(before);
            continue;
          }
          const call = mixedCalls[Math.floor(pick / 4) % mixedCalls.length]!;
          const input = await generators[call](worldNow(), createRng(seed));
          if (input === null) continue;
          const requestId = ulid();
          const logBefore = count(sqlite, 'change_log');
          const result = await api.host.invoke(call, input, { requestId });
          expect(count(sqlite, 'change_log') - logBefore).toBe(result.ok ? 1 : 0);
          if (result.ok) sent.push({ call, input, requestId, answer: asSent(result.value) });
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
