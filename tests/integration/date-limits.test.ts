import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { contract } from '../../src-shared/api/contract';
import { instant, isoDate } from '../../src-shared/api/fields';
import type { ApiResult } from '../../src-shared/api/result';
import type { FreeSlot } from '../../src-shared/domain/appointments';
import { DAY_MS, FIRST_DATE, LAST_DATE, addDays, dateOfEpochDay, epochDay } from '../../src-shared/time/calendar-date';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { localToInstant } from '../../src-main/engine/time/local-time';
import { dayFromToday, nextWeekday } from '../helpers/agenda-fixtures';
import { fixClock } from '../helpers/fixed-clock';
import { appointmentWorld, createSchedule, everyDay, madrid } from './appointment-world';

/**
 * Every date and instant the contract takes, at the limits of the range Mostrador handles: the first and
 * last accepted day run without an `internal` error (a refusal for a reason of the domain is fine), and the
 * day before and after are refused as `date_out_of_range` on the field.
 */

let api: TempApi;
const internal: string[] = [];
let ids: Record<'staff' | 'service' | 'client' | 'occurrence' | 'series' | 'appointment' | 'passProduct' | 'promo' | 'dateField', string>;

beforeAll(async () => {
  api = await openTempApi();
  const world = await appointmentWorld(api, 1);
  await createSchedule(api, world.ana, [world.corte], { ranges: everyDay(['09:00', '13:00']) });
  const start = nextWeekday(dayFromToday(14), 1);
  const { series } = await api.call('series.create', {
    title: 'Pilates',
    organizerId: world.ana,
    startDate: start,
    startTime: '10:00',
    durationMin: 60,
    places: 4,
    recurrence: { weekdays: [1], intervalWeeks: 1, end: { kind: 'weeks', weeks: 2 } },
  });
  const occurrence = (await api.call('agenda.range', { from: start, to: start })).occurrences.find((o) => o.seriesId === series.id)!;
  const appointment = await api.call('appointments.book', { clientId: world.clients[0]!, staffId: world.ana, serviceId: world.corte, startsAt: madrid(addDays(start, 1), '09:00') });
  const passProduct = await api.call('passProducts.create', { name: 'Bono 10', credits: 10, sessionTypeIds: [], serviceIds: [world.corte], validity: { kind: 'days', days: 90 }, priceMinor: 9000 });
  const promo = await api.call('promos.create', { code: 'VERANO', kind: 'percent', value: 10 });
  const dateField = await api.call('customFields.create', { label: 'Alta', kind: 'date' });
  ids = {
    staff: world.ana,
    service: world.corte,
    client: world.clients[0]!,
    occurrence: occurrence.id,
    series: series.id,
    appointment: appointment.id,
    passProduct: passProduct.id,
    promo: promo.id,
    dateField: dateField.id,
  };
});
afterAll(async () => {
  vi.useRealTimers();
  await api.close();
});

async function invoke(call: string, input: unknown): Promise<ApiResult<unknown>> {
  const result = await api.host.invoke(call, input);
  if (!result.ok && result.error.code === 'internal') internal.push(`${call} ${JSON.stringify(input)}`);
  return result;
}

type Case = { call: string; field: string; input: (value: string) => unknown };

/** Each date-bearing field of the contract, with an input that is otherwise valid. Ranges get the same date at both ends. */
const cases: Case[] = [
  { call: 'clients.create', field: 'birthDate', input: (d) => ({ firstName: 'Eva', birthDate: d }) },
  { call: 'clients.update', field: 'birthDate', input: (d) => ({ id: ids.client, birthDate: d }) },
  { call: 'series.create', field: 'startDate', input: (d) => ({ title: 'Una vez', organizerId: ids.staff, startDate: d, startTime: '09:00', durationMin: 60 }) },
  {
    call: 'series.create',
    field: 'recurrence.end.date',
    input: (d) => ({ title: 'Hasta', organizerId: ids.staff, startDate: d < '2000-01-01' ? FIRST_DATE : addDays(LAST_DATE, -13), startTime: '09:00', durationMin: 60, recurrence: { weekdays: [1, 4], intervalWeeks: 1, end: { kind: 'until', date: d } } }),
  },
  { call: 'series.update', field: 'changes.date', input: (d) => ({ occurrenceId: ids.occurrence, scope: 'occurrence', changes: { date: d } }) },
  { call: 'series.update', field: 'changes.recurrence.end.date', input: (d) => ({ occurrenceId: ids.occurrence, scope: 'following', changes: { recurrence: { weekdays: [1], intervalWeeks: 4, end: { kind: 'until', date: d } } } }) },
  { call: 'sessions.visibleTo', field: 'from', input: (d) => ({ clientId: ids.client, from: d, to: d }) },
  { call: 'agenda.range', field: 'from', input: (d) => ({ from: d, to: d }) },
  { call: 'agenda.figures', field: 'from', input: (d) => ({ from: d, to: d }) },
  { call: 'agenda.dailyList', field: 'date', input: (d) => ({ date: d }) },
  { call: 'today.board', field: 'date', input: (d) => ({ date: d }) },
  { call: 'schedules.exceptions', field: 'from', input: (d) => ({ from: d, to: d }) },
  { call: 'schedules.setException', field: 'date', input: (d) => ({ staffId: ids.staff, date: d, kind: 'day_off' }) },
  { call: 'holidays.list', field: 'from', input: (d) => ({ from: d, to: d }) },
  { call: 'holidays.set', field: 'date', input: (d) => ({ date: d, name: 'Fiesta' }) },
  { call: 'holidays.remove', field: 'date', input: (d) => ({ date: d }) },
  { call: 'slots.find', field: 'from', input: (d) => ({ serviceId: ids.service, from: d, to: d }) },
  { call: 'passProducts.create', field: 'validity.date', input: (d) => ({ name: `Bono ${d}`, credits: 5, sessionTypeIds: [], serviceIds: [ids.service], validity: { kind: 'until', date: d }, priceMinor: 100 }) },
  { call: 'passProducts.update', field: 'validity.date', input: (d) => ({ id: ids.passProduct, validity: { kind: 'until', date: d } }) },
  { call: 'passes.coverage', field: 'date', input: (d) => ({ clientId: ids.client, serviceIds: [ids.service], date: d }) },
  { call: 'promos.create', field: 'validFrom', input: (d) => ({ code: `P${d.replaceAll('-', '')}`, kind: 'amount', value: 100, validFrom: d, validTo: d }) },
  { call: 'promos.update', field: 'validTo', input: (d) => ({ id: ids.promo, validFrom: d, validTo: d }) },
  { call: 'sales.list', field: 'from', input: (d) => ({ from: d, to: d }) },
  { call: 'till.open', field: 'businessDate', input: (d) => ({ floatMinor: 0, businessDate: d }) },
  { call: 'till.list', field: 'from', input: (d) => ({ from: d, to: d }) },
  { call: 'reports.sales', field: 'from', input: (d) => ({ from: d, to: d }) },
  { call: 'reports.salesCsv', field: 'from', input: (d) => ({ from: d, to: d, table: 'days' }) },
  { call: 'exports.chileBoletas', field: 'date', input: (d) => ({ date: d }) },
  { call: 'exports.mexicoGlobal', field: 'from', input: (d) => ({ from: d, to: d }) },
  { call: 'clients.update', field: 'customFields.<id>', input: (d) => ({ id: ids.client, customFields: { [ids.dateField]: d } }) },
];

/** The other end of a range call, for "one beyond" on each end. */
const rangeEnds: Record<string, [string, string]> = {
  'sessions.visibleTo': ['from', 'to'],
  'agenda.range': ['from', 'to'],
  'agenda.figures': ['from', 'to'],
  'schedules.exceptions': ['from', 'to'],
  'holidays.list': ['from', 'to'],
  'slots.find': ['from', 'to'],
  'sales.list': ['from', 'to'],
  'till.list': ['from', 'to'],
  'reports.sales': ['from', 'to'],
  'reports.salesCsv': ['from', 'to'],
  'exports.mexicoGlobal': ['from', 'to'],
  'promos.create': ['validFrom', 'validTo'],
  'promos.update': ['validFrom', 'validTo'],
};

const instantCases: Case[] = [
  { call: 'appointments.book', field: 'startsAt', input: (i) => ({ clientId: ids.client, staffId: ids.staff, serviceId: ids.service, startsAt: i, override: true }) },
  { call: 'appointments.reschedule', field: 'startsAt', input: (i) => ({ appointmentId: ids.appointment, startsAt: i, override: true }) },
  { call: 'notes.lastVisit', field: 'before', input: (i) => ({ clientId: ids.client, before: i }) },
  { call: 'slots.find', field: 'at', input: (i) => ({ serviceId: ids.service, from: '2027-03-01', to: '2027-03-01', at: i }) },
];

/** Paths of the contract's date and instant fields, found by walking every call's input schema. */
function dateFieldsOfContract(): string[] {
  const found = new Set<string>();
  const walk = (schema: z.ZodType, call: string, path: string[]): void => {
    if (schema === (isoDate as z.ZodType) || schema === (instant as z.ZodType)) {
      found.add(`${call} ${path.join('.')}`);
      return;
    }
    const def = (schema as unknown as { _zod: { def: { type: string } & Record<string, unknown> } })._zod.def;
    if (def.type === 'object') for (const [key, inner] of Object.entries(def.shape as Record<string, z.ZodType>)) walk(inner, call, [...path, key]);
    else if (['optional', 'nullable', 'default', 'readonly', 'nonoptional', 'catch'].includes(def.type)) walk(def.innerType as z.ZodType, call, path);
    else if (def.type === 'array') walk(def.element as z.ZodType, call, [...path, '*']);
    else if (def.type === 'union') for (const option of def.options as z.ZodType[]) walk(option, call, path);
    else if (def.type === 'pipe') walk(def.in as z.ZodType, call, path);
    else if (def.type === 'record') walk(def.valueType as z.ZodType, call, [...path, '*']);
  };
  for (const [call, spec] of Object.entries(contract)) walk(spec.input as z.ZodType, call, []);
  return [...found].sort();
}

describe('the range of dates', () => {
  it('is one definition that every date and instant field of the contract reads', () => {
    const covered = new Set([...cases, ...instantCases].map((c) => `${c.call} ${c.field}`));
    for (const [call, [from, to]] of Object.entries(rangeEnds)) for (const end of [from, to]) covered.add(`${call} ${end}`);
    const missing = dateFieldsOfContract().filter((f) => !covered.has(f));
    expect(missing).toEqual([]);
  });

  it.each([FIRST_DATE, LAST_DATE])('runs every date-bearing call on %s without an internal error', async (limit) => {
    for (const c of cases) {
      const result = await invoke(c.call, c.input(limit));
      if (!result.ok) expect([c.call, result.error.code]).not.toEqual([c.call, 'date_out_of_range']);
    }
    expect(internal).toEqual([]);
  });

  it.each([addDays(FIRST_DATE, -1), addDays(LAST_DATE, 1), '0050-06-01', '0000-01-01', '9999-12-31'])('refuses %s on every date field as date_out_of_range, naming it', async (beyond) => {
    for (const c of cases) {
      const result = await invoke(c.call, c.input(beyond));
      // A range with both ends beyond is refused on its first.
      const field = c.field === 'customFields.<id>' ? `customFields.${ids.dateField}` : (rangeEnds[c.call]?.[0] ?? c.field);
      expect([c.call, result.ok ? 'ok' : result.error]).toEqual([c.call, expect.objectContaining({ code: 'date_out_of_range', field })]);
    }
    // Each end of a range on its own, the other end inside.
    for (const [call, [fromKey, toKey]] of Object.entries(rangeEnds)) {
      const c = cases.find((x) => x.call === call)!;
      const base = c.input(beyond < FIRST_DATE ? FIRST_DATE : LAST_DATE) as Record<string, unknown>;
      const key = beyond < FIRST_DATE ? fromKey : toKey;
      const result = await invoke(call, { ...base, [key]: beyond });
      expect([call, result.ok ? 'ok' : result.error]).toEqual([call, expect.objectContaining({ code: 'date_out_of_range', field: key })]);
    }
    expect(internal).toEqual([]);
  });

  it('takes instants on the first to the last date in the centre\'s zone, and refuses the minute beyond either', async () => {
    // The centre is in Madrid (UTC−00:14:44 local mean time in 1900, CET in 2199).
    const first = localToInstant(FIRST_DATE, '00:00', 'Europe/Madrid').getTime();
    const end = localToInstant(addDays(LAST_DATE, 1), '00:00', 'Europe/Madrid').getTime();
    const iso = (ms: number) => new Date(ms).toISOString();
    for (const c of instantCases) {
      for (const at of [first, end - 60_000].map(iso)) {
        const result = await invoke(c.call, c.input(at));
        if (!result.ok) expect([c.call, at, result.error.code]).not.toContain('date_out_of_range');
      }
      // Beyond the centre's dates (the handler), beyond any zone's (the contract), and nowhere near.
      for (const at of [first - 60_000, end, Date.parse('1899-12-31T09:59:00Z'), Date.parse('2200-01-01T12:00:00Z'), Date.parse('0050-06-01T10:00:00Z')].map(iso)) {
        const result = await invoke(c.call, c.input(at));
        expect([c.call, at, result.ok ? 'ok' : result.error]).toEqual([c.call, at, expect.objectContaining({ code: 'date_out_of_range', field: c.field })]);
      }
    }
    expect(internal).toEqual([]);
  });
});

describe('agenda.range, agenda.figures and slots.find across the whole range (property)', () => {
  const zones = ['Europe/Madrid', 'America/Santiago', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Mexico_City', 'UTC'];
  const first = epochDay(FIRST_DATE);
  const last = epochDay(LAST_DATE);

  /** The local date and HH:MM of an instant, read by Intl (not the engine's offset tables). */
  const intlLocal = (iso: string, timeZone: string) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        .formatToParts(new Date(iso))
        .map((p) => [p.type, p.value]),
    );
    return [`${parts.year}-${parts.month}-${parts.day}`, `${parts.hour}:${parts.minute}`];
  };

  it('answers any dates in the range, in any zone, without an internal error; the first slot offered books', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: first, max: last }),
        fc.integer({ min: 0, max: 61 }),
        fc.constantFrom(...zones),
        fc.boolean(),
        async (day, span, timeZone, atAnEnd) => {
          // Half the runs sit at one end of the range, where the day after or before is outside it.
          const fromDay = atAnEnd ? (day % 2 === 0 ? first : last - span) : Math.min(day, last - span);
          const from = dateOfEpochDay(fromDay);
          const to = dateOfEpochDay(fromDay + span);
          // "Now" is the day before, so the dates lie inside the schedule's horizon and slots are offered.
          fixClock(new Date((fromDay - 1) * DAY_MS).toISOString());
          await invoke('settings.update', { timeZone });
          const results = [];
          for (const [call, input] of [
            ['agenda.range', { from, to }],
            ['agenda.figures', { from, to }],
            ['slots.find', { serviceId: ids.service, from, to, stepMin: 30 }],
          ] as const) {
            const result = await invoke(call, input);
            expect([call, from, to, timeZone, result.ok ? 'ok' : result.error.code]).toEqual([call, from, to, timeZone, 'ok']);
            results.push(result);
          }
          const slots = (results[2] as { value: FreeSlot[] }).value;
          for (const slot of slots) expect(intlLocal(slot.startsAt, timeZone)).toEqual([slot.localDate, slot.localStart]);
          const [firstSlot] = slots;
          if (firstSlot) {
            const booked = await invoke('appointments.book', { clientId: ids.client, staffId: ids.staff, serviceId: ids.service, startsAt: firstSlot.startsAt });
            expect([firstSlot.startsAt, timeZone, booked.ok ? 'ok' : booked.error.code]).toEqual([firstSlot.startsAt, timeZone, 'ok']);
            if (booked.ok) await invoke('appointments.cancel', { appointmentId: (booked.value as { id: string }).id });
          }
        },
      ),
      { numRuns: 150 },
    );
    vi.useRealTimers();
    expect(internal).toEqual([]);
    await invoke('settings.update', { timeZone: 'Europe/Madrid' });
  });
});
