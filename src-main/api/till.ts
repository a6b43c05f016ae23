import { addDays } from '../../src-shared/time/calendar-date';
import { readDeskIdentity } from '../db/queries/desk-identity';
import { readCentreSettings, centreToday } from '../db/queries/settings';
import {
  closeSession,
  hasMovements,
  insertCorrection,
  insertMovement,
  insertSession,
  loadSession,
  nextZNumber,
  openSessionOf,
  sessionOfDay,
  sessionsInRange,
  setSessionFloat,
  tillSessionForSale,
} from '../db/queries/till-sessions';
import { loadTillSession, sessionExpected, summaryOf } from '../db/queries/till-report';
import { cashCountTotal, denominationsOf } from '../engine/till/denominations';
import { closeLines } from '../engine/till/expected';
import { newId } from '../engine/ids';
import { AppError } from '../errors/app-error';
import { checkLocalRange } from './agenda-range';
import type { Handlers } from './handler';

type TillHandlers = Pick<Handlers, 'till.current' | 'till.open' | 'till.movement' | 'till.close' | 'till.get' | 'till.list' | 'till.correct'>;

const maxListDays = 366;

export const tillHandlers: TillHandlers = {
  'till.current': async (_input, { db }) => {
    const desk = await readDeskIdentity(db);
    const session = (await openSessionOf(db, desk.id)) ?? (await sessionOfDay(db, desk.id, await centreToday(db)));
    return session ? loadTillSession(db, session) : null;
  },

  'till.open': async ({ floatMinor, businessDate }, { tx, now, log, caller }) => {
    const desk = await readDeskIdentity(tx);
    const today = await centreToday(tx, new Date(now));
    const open = await openSessionOf(tx, desk.id);
    if (open) {
      // The day's first sale opened it with no float: opening it now only sets the float.
      const untouched = open.float_minor === 0 && !(await hasMovements(tx, open.id));
      if (!untouched || (businessDate !== undefined && businessDate !== open.business_date)) throw new AppError('till_already_open', 'floatMinor');
      await setSessionFloat(tx, open.id, floatMinor, caller.staffId, now);
      log({ entity: 'till_session', entityId: open.id, changes: { businessDate: open.business_date, floatMinor } });
      return loadTillSession(tx, await loadSession(tx, open.id));
    }
    // Today, or the next day once today's is closed ("a new sale goes to the next day's session").
    const todays = await sessionOfDay(tx, desk.id, today);
    const allowed = todays ? addDays(today, 1) : today;
    const date = businessDate ?? allowed;
    if (date !== allowed) throw new AppError(date === today ? 'till_closed' : 'out_of_range', 'businessDate');
    if (await sessionOfDay(tx, desk.id, date)) throw new AppError('till_already_closed', 'businessDate');
    const id = await insertSession(tx, { deskId: desk.id, businessDate: date, floatMinor, staffId: caller.staffId, now });
    log({ entity: 'till_session', entityId: id, changes: { businessDate: date, floatMinor } });
    return loadTillSession(tx, await loadSession(tx, id));
  },

  'till.movement': async ({ kind, amountMinor, reason }, { tx, now, log, caller }) => {
    const desk = await readDeskIdentity(tx);
    // Like a sale: cash moved before anyone opened the till still lands in a day's session.
    const sessionId = await tillSessionForSale(tx, { deskId: desk.id, today: await centreToday(tx, new Date(now)), now, staffId: caller.staffId });
    const id = newId();
    await insertMovement(tx, { id, till_session_id: sessionId, kind, amount_minor: amountMinor, reason, staff_id: caller.staffId, created_at: now });
    log({ entity: 'till_movement', entityId: id, changes: { tillSessionId: sessionId, kind, amountMinor, reason } });
    return loadTillSession(tx, await loadSession(tx, sessionId));
  },

  'till.close': async ({ sessionId, cash, methods }, { tx, now, log, caller }) => {
    const desk = await readDeskIdentity(tx);
    const session = await loadSession(tx, sessionId);
    if (session.desk_id !== desk.id) throw new AppError('not_found', 'sessionId');
    if (session.closed_at !== null) throw new AppError('till_already_closed', 'sessionId');
    const { currency } = await readCentreSettings(tx);
    const counted = cashCountTotal(currency, cash.counts);
    const problems = counted.unknown.map((d) => new AppError('invalid_choice', `cash.counts.${d}`));
    if (denominationsOf(currency).length === 0) problems.push(new AppError('invalid_currency', 'cash.counts'));
    const others = methods.filter((m) => m.method !== 'cash');
    others.forEach((m, i) => {
      if (others.findIndex((o) => o.method === m.method) !== i) problems.push(new AppError('duplicate_row', `methods.${i}.method`, { detail: m.method }));
    });
    const expected = await sessionExpected(tx, session);
    const { lines, problems: missing } = closeLines(expected, [
      { method: 'cash', countedMinor: counted.totalMinor, reason: cash.reason ?? null },
      ...others.map((m) => ({ method: m.method, countedMinor: m.countedMinor, reason: m.reason ?? null })),
    ]);
    for (const p of missing) {
      const i = methods.findIndex((m) => m.method === p.method);
      const field = p.method === 'cash' ? 'cash.reason' : p.what === 'reason' ? `methods.${i}.reason` : `methods.${p.method}`;
      problems.push(new AppError('required', field));
    }
    const error = AppError.combine(problems);
    if (error) throw error;
    const zNumber = await nextZNumber(tx, desk.id);
    const closedNow = await closeSession(tx, {
      id: session.id,
      zNumber,
      cashCount: JSON.stringify(Object.fromEntries(Object.entries(cash.counts).filter(([, n]) => n > 0))),
      staffId: caller.staffId,
      now,
      lines: lines.map((l) => ({ till_session_id: session.id, method: l.method, expected_minor: l.expectedMinor, counted_minor: l.countedMinor, difference_minor: l.differenceMinor, reason: l.reason })),
    });
    if (!closedNow) throw new AppError('till_already_closed', 'sessionId');
    log({
      entity: 'till_session',
      entityId: session.id,
      changes: { closed: true, businessDate: session.business_date, zNumber, lines: lines.map((l) => ({ method: l.method, expected: l.expectedMinor, counted: l.countedMinor, reason: l.reason })) },
    });
    return loadTillSession(tx, await loadSession(tx, session.id));
  },

  'till.get': async ({ id }, { db }) => loadTillSession(db, await loadSession(db, id)),

  'till.list': async ({ from, to }, { db }) => {
    checkLocalRange(from, to, maxListDays);
    const desk = await readDeskIdentity(db);
    const rows = await sessionsInRange(db, null, from, to);
    return rows.map((r) => summaryOf(r, (id) => (id === desk.id ? desk.name : id)));
  },

  'till.correct': async ({ sessionId, method, amountMinor, reason }, { tx, now, log, caller }) => {
    const session = await loadSession(tx, sessionId);
    if (session.closed_at === null) throw new AppError('till_not_closed', 'sessionId');
    const id = newId();
    await insertCorrection(tx, { id, till_session_id: session.id, method, amount_minor: amountMinor, reason, staff_id: caller.staffId, created_at: now });
    log({ entity: 'till_correction', entityId: id, changes: { tillSessionId: session.id, businessDate: session.business_date, method, amountMinor, reason } });
    return loadTillSession(tx, session);
  },
};
