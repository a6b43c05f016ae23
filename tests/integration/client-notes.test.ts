/**
 * Client notes through the contract, on a real SQLite file: private notes reach their author and
 * nobody else by any call (list, last visit, history, search, export, the audit trail); only the
 * author edits; visit notes follow the visit's rules; erasing the client leaves none.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallInput, CallName, CallResult } from '../../src-shared/api/contract';
import type { ApiError } from '../../src-shared/api/result';
import type { Caller } from '../../src-main/api/caller';
import { gatherExport } from '../../src-main/export/client-export';
import { fixClock } from '../helpers/fixed-clock';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { createSchedule, madrid } from './appointment-world';
import { rowCounts } from './db-inspect';

/** Monday 1 March 2027, 09:00 in Madrid: the visits are booked for Tuesday, the notes written on Wednesday. */
const MONDAY = '2027-03-01T08:00:00.000Z';
const WEDNESDAY = '2027-03-03T08:00:00.000Z';

type Person = 'olga' | 'mario' | 'rita' | 'pau' | 'bea';

interface Desk {
  staffId: string;
  call<C extends CallName>(call: C, input: CallInput<C>): Promise<CallResult<C>>;
  refuse(call: CallName, input: unknown): Promise<ApiError>;
  caller: Caller;
}

interface Centre {
  desks: Record<Person, Desk>;
  eva: string;
  luz: string;
  /** Eva's Tuesday cut with Pau (past by Wednesday), her Tuesday session with Pau, her next cut. */
  pastCut: string;
  pastClass: string;
  nextCut: { id: string; startsAt: string };
  /** Luz's Tuesday cut (another client's visit). */
  luzCut: string;
}

let api: TempApi;
beforeEach(async () => {
  fixClock(MONDAY);
  api = await openTempApi();
});
afterEach(async () => {
  vi.useRealTimers();
  await api.close();
});

async function centre(): Promise<Centre> {
  const make = async (name: string, role: 'owner' | 'manager' | 'reception' | 'professional') => (await api.call('staff.create', { name, role })).id;
  const ids: Record<Person, string> = {
    olga: await make('Olga Dueña', 'owner'),
    mario: await make('Mario Encargado', 'manager'),
    rita: await make('Rita Recepción', 'reception'),
    pau: await make('Pau Estilista', 'professional'),
    bea: await make('Bea Estilista', 'professional'),
  };
  const corte = (await api.call('services.create', { name: 'Corte y color', durationMin: 60, priceMinor: 4500 })).id;
  await createSchedule(api, ids.pau, [corte]);
  const eva = (await api.call('clients.create', { firstName: 'Eva', lastName: 'Martín' })).client.id;
  const luz = (await api.call('clients.create', { firstName: 'Luz', lastName: 'Prado' })).client.id;
  const book = (clientId: string, date: string, time: string) => api.call('appointments.book', { clientId, staffId: ids.pau, serviceId: corte, startsAt: madrid(date, time) });
  const pastCut = (await book(eva, '2027-03-02', '10:00')).id;
  const luzCut = (await book(luz, '2027-03-02', '12:00')).id;
  const next = await book(eva, '2027-03-10', '10:00');
  const { series } = await api.call('series.create', { title: 'Pilates', organizerId: ids.pau, startDate: '2027-03-02', startTime: '18:00', durationMin: 60, places: 5 });
  const { occurrences } = await api.call('agenda.range', { from: '2027-03-02', to: '2027-03-02' });
  const occurrenceId = occurrences.find((o) => o.seriesId === series.id)!.id;
  const pastClass = (await api.call('sessions.book', { occurrenceId, clientId: eva })).id;

  // PINs on: each person works in their own window.
  await api.call('auth.signIn', { staffId: ids.olga });
  const pins: Record<Person, string> = { olga: '1111', mario: '2222', rita: '3333', pau: '4444', bea: '5555' };
  for (const person of Object.keys(ids) as Person[]) await api.call('staff.setPin', { staffId: ids[person], pin: pins[person] });
  const roles = { olga: 'owner', mario: 'manager', rita: 'reception', pau: 'professional', bea: 'professional' } as const;
  const desks = {} as Record<Person, Desk>;
  for (const person of Object.keys(ids) as Person[]) {
    const session = api.host.openSession();
    const signedIn = await session.invoke('auth.signIn', { staffId: ids[person], pin: pins[person] });
    expect(signedIn.ok).toBe(true);
    desks[person] = {
      staffId: ids[person],
      caller: { staffId: ids[person], role: roles[person], deskId: 'test', approvedBy: null },
      async call(call, input) {
        const result = await session.invoke(call, input);
        if (!result.ok) throw new Error(`${person}: ${call} refused: ${JSON.stringify(result.error)}`);
        return result.value as never;
      },
      async refuse(call, input) {
        const result = await session.invoke(call, input);
        if (result.ok) throw new Error(`${person}: ${call} should have been refused`);
        return result.error;
      },
    };
  }
  fixClock(WEDNESDAY);
  return { desks, eva, luz, pastCut, pastClass, nextCut: { id: next.id, startsAt: next.startsAt }, luzCut };
}

const everyone: Person[] = ['olga', 'mario', 'rita', 'pau', 'bea'];

/** Everything a person can learn about a client through the contract and the export, as one string. */
async function whatSees(c: Centre, person: Person, clientId: string): Promise<string> {
  const desk = c.desks[person];
  const answers = [
    await desk.call('notes.list', { clientId }),
    await desk.call('notes.lastVisit', { clientId, before: c.nextCut.startsAt }),
    await desk.call('clients.history', { clientId }),
    await desk.call('clients.get', { id: clientId }),
    await desk.call('clients.search', { query: 'Secreto' }),
    await desk.call('clients.search', { query: 'Eva' }),
    await gatherExport(clientId, { db: api.host.database.db, caller: desk.caller, dataDir: api.dir }),
  ];
  return JSON.stringify(answers);
}

describe('private notes', () => {
  it('reach their author and nobody else, by any call, the export or the audit trail', async () => {
    const c = await centre();
    const { rita, pau } = c.desks;
    await rita.call('notes.add', { clientId: c.eva, body: 'Secreto general: paga siempre tarde', visibility: 'private' });
    await pau.call('notes.add', { clientId: c.eva, body: 'Fórmula compartida 7.1 + 20 vol', visibility: 'shared', appointmentId: c.pastCut });
    await rita.call('notes.add', { clientId: c.eva, body: 'Secreto de la visita: pidió descuento', visibility: 'private', appointmentId: c.pastCut });

    for (const person of everyone) {
      const seen = await whatSees(c, person, c.eva);
      expect(seen, person).toContain('Fórmula compartida');
      if (person === 'rita') continue;
      expect(seen, person).not.toContain('Secreto');
      expect(seen, person).not.toContain('paga siempre tarde');
    }
    // Rita reads her own, with the shared one; nothing of the notes is searchable by anyone.
    const ritaSees = await rita.call('notes.list', { clientId: c.eva });
    expect(ritaSees.map((n) => [n.body.slice(0, 10), n.visibility, n.canEdit])).toEqual([
      ['Secreto de', 'private', true],
      ['Fórmula co', 'shared', false],
      ['Secreto ge', 'private', true],
    ]);
    expect((await rita.call('clients.search', { query: 'Secreto' })).items).toEqual([]);
    const exported = JSON.stringify(await gatherExport(c.eva, { db: api.host.database.db, caller: rita.caller, dataDir: api.dir }));
    expect(exported).toContain('paga siempre tarde');

    // On the next visit, each sees the latest visit note they may read.
    expect((await rita.call('notes.lastVisit', { clientId: c.eva, before: c.nextCut.startsAt }))?.body).toBe('Secreto de la visita: pidió descuento');
    expect((await c.desks.olga.call('notes.lastVisit', { clientId: c.eva, before: c.nextCut.startsAt }))?.body).toBe('Fórmula compartida 7.1 + 20 vol');
    // The audit trail records what was done, never the words.
    const audit = JSON.stringify(api.host.database.sqlite.prepare("SELECT * FROM change_log WHERE entity = 'client_note'").all());
    expect(audit).toContain(c.eva);
    expect(audit).not.toContain('Secreto');
  });

  it('of another person are not found to anyone, whatever they try, and nothing is written', async () => {
    const c = await centre();
    const secret = await c.desks.rita.call('notes.add', { clientId: c.eva, body: 'Secreto: alergia que no quiere contar', visibility: 'private' });
    const missing = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
    const before = rowCounts(api.host.database.sqlite);
    for (const person of ['olga', 'mario', 'pau', 'bea'] as const) {
      const desk = c.desks[person];
      // The same answer as for a note that does not exist: its existence is not told.
      for (const id of [secret.id, missing]) {
        expect(await desk.refuse('notes.update', { id, body: 'Cambiado' }), person).toMatchObject({ code: 'not_found', field: 'id' });
        expect(await desk.refuse('notes.update', { id, visibility: 'shared' }), person).toMatchObject({ code: 'not_found', field: 'id' });
        expect(await desk.refuse('notes.delete', { id }), person).toMatchObject({ code: 'not_found', field: 'id', message: 'No existe o ya fue eliminado.' });
      }
    }
    expect(rowCounts(api.host.database.sqlite)).toEqual(before);
    expect((await c.desks.rita.call('notes.list', { clientId: c.eva })).map((n) => n.body)).toEqual(['Secreto: alergia que no quiere contar']);
  });

  it('hold for any mix of authors and visibilities (property)', async () => {
    const c = await centre();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ author: fc.constantFrom(...everyone), visibility: fc.constantFrom('private' as const, 'shared' as const) }), { minLength: 1, maxLength: 8 }),
        async (notes) => {
          const clientId = (await c.desks.olga.call('clients.create', { firstName: 'Prueba' })).client.id;
          const written = [];
          for (const [i, n] of notes.entries()) written.push(await c.desks[n.author].call('notes.add', { clientId, body: `Nota ${i} de ${n.author}`, visibility: n.visibility }));
          for (const viewer of everyone) {
            const expected = written.filter((w, i) => notes[i]!.visibility === 'shared' || notes[i]!.author === viewer).map((w) => w.id).sort();
            const listed = (await c.desks[viewer].call('notes.list', { clientId })).map((n) => n.id).sort();
            expect(listed).toEqual(expected);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('editing and deleting', () => {
  it('only the author changes a note; an owner or manager may take down a shared one', async () => {
    const c = await centre();
    const { pau, rita, olga, mario, bea } = c.desks;
    const note = await pau.call('notes.add', { clientId: c.eva, body: 'Fórmula 6.1', visibility: 'shared', appointmentId: c.pastCut });
    expect(note).toMatchObject({ kind: 'visit', authorId: pau.staffId, authorName: 'Pau Estilista', canEdit: true, canDelete: true, visit: { kind: 'appointment', id: c.pastCut, what: 'Corte y color', staffName: 'Pau Estilista' } });
    for (const desk of [rita, olga, mario, bea]) {
      expect(await desk.refuse('notes.update', { id: note.id, body: 'Fórmula 9.0' })).toMatchObject({ code: 'note_not_author', field: 'id', message: 'Solo quien escribió la nota puede cambiarla.' });
    }
    expect((await rita.call('notes.list', { clientId: c.eva }))[0]).toMatchObject({ canEdit: false, canDelete: false });
    expect((await olga.call('notes.list', { clientId: c.eva }))[0]).toMatchObject({ canEdit: false, canDelete: true });
    expect(await rita.refuse('notes.delete', { id: note.id })).toMatchObject({ code: 'note_not_author' });
    expect(await bea.refuse('notes.delete', { id: note.id })).toMatchObject({ code: 'note_not_author' });

    fixClock('2027-03-03T09:00:00.000Z');
    const edited = await pau.call('notes.update', { id: note.id, body: 'Fórmula 6.1 + 30 vol', visibility: 'private' });
    expect(edited).toMatchObject({ body: 'Fórmula 6.1 + 30 vol', visibility: 'private', createdAt: WEDNESDAY, updatedAt: '2027-03-03T09:00:00.000Z' });
    // Made private: the manager can no longer see it, nor delete it.
    expect(await mario.refuse('notes.delete', { id: note.id })).toMatchObject({ code: 'not_found' });
    await pau.call('notes.update', { id: note.id, visibility: 'shared' });
    expect(await mario.call('notes.delete', { id: note.id })).toEqual({ id: note.id });
    expect(await pau.call('notes.list', { clientId: c.eva })).toEqual([]);
  });
});

describe('visit notes', () => {
  it('go on a visit of the client that has started; a professional notes only the visits they served', async () => {
    const c = await centre();
    const { pau, bea, rita } = c.desks;
    const onClass = await pau.call('notes.add', { clientId: c.eva, body: 'Rodilla izquierda: sin saltos', visibility: 'shared', bookingId: c.pastClass });
    expect(onClass.visit).toMatchObject({ kind: 'booking', id: c.pastClass, what: 'Pilates', staffName: 'Pau Estilista' });
    // The desk notes any visit.
    await rita.call('notes.add', { clientId: c.eva, body: 'Trajo su propio champú', visibility: 'shared', appointmentId: c.pastCut });

    const before = rowCounts(api.host.database.sqlite);
    expect(await bea.refuse('notes.add', { clientId: c.eva, body: 'x', visibility: 'shared', appointmentId: c.pastCut })).toMatchObject({ code: 'note_visit_not_served', field: 'appointmentId' });
    expect(await rita.refuse('notes.add', { clientId: c.eva, body: 'x', visibility: 'shared', appointmentId: c.nextCut.id })).toMatchObject({ code: 'note_visit_not_held', field: 'appointmentId' });
    // Another client's visit is not this client's: not found.
    expect(await rita.refuse('notes.add', { clientId: c.eva, body: 'x', visibility: 'shared', appointmentId: c.luzCut })).toMatchObject({ code: 'not_found', field: 'appointmentId' });
    expect(await rita.refuse('notes.add', { clientId: c.eva, body: 'x', visibility: 'shared', bookingId: c.pastCut })).toMatchObject({ code: 'not_found', field: 'bookingId' });
    expect(await rita.refuse('notes.add', { clientId: c.eva, body: 'x', visibility: 'shared', appointmentId: c.pastCut, bookingId: c.pastClass })).toMatchObject({ code: 'invalid_input', field: 'bookingId' });
    expect(await rita.refuse('notes.add', { clientId: c.eva, body: '   ', visibility: 'shared' })).toMatchObject({ field: 'body' });
    expect(await rita.refuse('notes.add', { clientId: c.eva, body: 'x'.repeat(4001), visibility: 'shared' })).toMatchObject({ code: 'too_long', field: 'body' });
    expect(await rita.refuse('notes.add', { clientId: c.eva, body: 'x', visibility: 'todos' })).toMatchObject({ field: 'visibility' });
    expect(await rita.refuse('notes.add', { clientId: c.eva, body: 'x', visibility: 'shared', authorId: pau.staffId })).toMatchObject({ code: 'invalid_input' });
    expect(await rita.refuse('notes.add', { clientId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', body: 'x', visibility: 'shared' })).toMatchObject({ code: 'not_found', field: 'clientId' });
    // A cancelled visit was not held.
    await rita.call('appointments.cancel', { appointmentId: c.luzCut, reason: 'Enferma' });
    expect(await rita.refuse('notes.add', { clientId: c.luz, body: 'x', visibility: 'shared', appointmentId: c.luzCut })).toMatchObject({ code: 'note_visit_not_held' });
    const afterCancel = rowCounts(api.host.database.sqlite);
    expect(afterCancel.client_notes).toBe(before.client_notes);

    // The next visit shows the latest one: the appointment at 10:00 came before the class at 18:00.
    expect((await bea.call('notes.lastVisit', { clientId: c.eva, before: c.nextCut.startsAt }))?.body).toBe('Rodilla izquierda: sin saltos');
    // Before the class, only the morning's note is behind.
    expect((await bea.call('notes.lastVisit', { clientId: c.eva, before: madrid('2027-03-02', '17:00') }))?.body).toBe('Trajo su propio champú');
    expect(await bea.call('notes.lastVisit', { clientId: c.eva, before: madrid('2027-03-02', '09:00') })).toBeNull();
    // The author of the note is the caller, whatever the window shows.
    expect(onClass.authorId).toBe(pau.staffId);
  });
});

describe('erasing the client', () => {
  it('leaves none of their notes, in the tables, the audit trail or the feed', async () => {
    const c = await centre();
    await c.desks.rita.call('notes.add', { clientId: c.eva, body: 'Secreto: va a cambiar de peluquería', visibility: 'private' });
    await c.desks.pau.call('notes.add', { clientId: c.eva, body: 'Fórmula 8.3', visibility: 'shared', appointmentId: c.pastCut });
    await c.desks.pau.call('notes.add', { clientId: c.eva, body: 'Clase tranquila', visibility: 'shared', bookingId: c.pastClass });
    const luzNote = await c.desks.rita.call('notes.add', { clientId: c.luz, body: 'Luz prefiere las mañanas', visibility: 'shared' });
    await c.desks.olga.call('clients.delete', { id: c.eva });

    const sqlite = api.host.database.sqlite;
    expect(sqlite.prepare('SELECT id FROM client_notes').pluck().all()).toEqual([luzNote.id]);
    expect(sqlite.prepare("SELECT count(*) FROM change_log WHERE entity = 'client_note' AND subject_client_id = ?").pluck().get(c.eva)).toBe(0);
    const feed = JSON.stringify(sqlite.prepare("SELECT data FROM feed WHERE tbl = 'client_notes'").all());
    expect(feed).not.toContain('Secreto');
    expect(feed).not.toContain('Fórmula 8.3');
    expect(feed).toContain('Luz prefiere las mañanas');
    expect(await c.desks.rita.refuse('notes.list', { clientId: c.eva })).toMatchObject({ code: 'not_found', field: 'clientId' });
  });
});
