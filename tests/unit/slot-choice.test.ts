import { describe, expect, it } from 'vitest';
import type { FreeSlot, SlotOption } from '../../src-shared/domain/appointments';
import { newChoice, resolveChoice, withChange, type SlotChoice } from '../../src-renderer/appointments/slot-choice';
import { byPartOfDay, distinctOptions, localToInstant, mondayOf, slotAt, timeOfMinutes } from '../../src-renderer/appointments/slot-times';

const madrid = 'Europe/Madrid';
const messages = { serviceRequired: 'Elige un servicio', staffRequired: 'Elige un profesional', timeRequired: 'Elige una hora' };

function option(staffId: string, endsAt: string, scheduleId = `${staffId}-citas`): SlotOption {
  return { staffId, staffName: staffId, scheduleId, endsAt };
}

/** A free slot on 2027-01-04 (Madrid, UTC+1) at a local time, lasting `minutes`, for the given professionals. */
function slotAtTime(localStart: string, minutes = 30, staffIds = ['ana']): FreeSlot {
  const startsAt = localToInstant('2027-01-04', localStart, madrid);
  const endsAt = new Date(Date.parse(startsAt) + minutes * 60_000).toISOString();
  return { startsAt, localDate: '2027-01-04', localStart, options: staffIds.map((id) => option(id, endsAt)) };
}

describe('the free times of a day', () => {
  it('splits them into morning and afternoon at 14:00, leaving out an empty part', () => {
    const day = ['09:00', '13:55', '14:00', '18:30'].map((t) => slotAtTime(t));
    expect(byPartOfDay(day).map((g) => [g.part, g.slots.map((s) => s.localStart)])).toEqual([
      ['morning', ['09:00', '13:55']],
      ['afternoon', ['14:00', '18:30']],
    ]);
    expect(byPartOfDay([slotAtTime('16:00')]).map((g) => g.part)).toEqual(['afternoon']);
    expect(byPartOfDay([slotAtTime('08:00')]).map((g) => g.part)).toEqual(['morning']);
    expect(byPartOfDay([])).toEqual([]);
  });

  it('offers a professional with two schedules once per start', () => {
    const end = '2027-01-04T08:30:00.000Z';
    const slot = { ...slotAtTime('09:00'), options: [option('ana', end, 'a1'), option('bea', end), option('ana', end, 'a2')] };
    expect(distinctOptions(slot).map((o) => [o.staffId, o.scheduleId])).toEqual([
      ['ana', 'a1'],
      ['bea', 'bea-citas'],
    ]);
  });

  it('starts the day strip on the Monday of the week', () => {
    expect(mondayOf('2027-01-06')).toBe('2027-01-04');
    expect(mondayOf('2027-01-04')).toBe('2027-01-04');
    expect(mondayOf('2027-01-10')).toBe('2027-01-04');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('writes minutes since midnight as HH:MM, within the day', () => {
    expect(timeOfMinutes(0)).toBe('00:00');
    expect(timeOfMinutes(545)).toBe('09:05');
    expect(timeOfMinutes(89.6)).toBe('01:30');
    expect(timeOfMinutes(24 * 60)).toBe('23:59');
    expect(timeOfMinutes(-5)).toBe('00:00');
  });
});

describe('wall-clock times of the centre', () => {
  it('takes the instant of the time in the zone, DST included', () => {
    expect(localToInstant('2027-01-04', '09:00', madrid)).toBe('2027-01-04T08:00:00Z');
    expect(localToInstant('2027-07-05', '09:00', madrid)).toBe('2027-07-05T07:00:00Z');
  });

  it('moves a time in the spring-forward gap forward, and takes the first of a repeated autumn time', () => {
    expect(localToInstant('2027-03-28', '02:30', madrid)).toBe(localToInstant('2027-03-28', '03:30', madrid));
    expect(localToInstant('2027-03-28', '02:30', madrid)).toBe('2027-03-28T01:30:00Z');
    expect(localToInstant('2027-10-31', '02:30', madrid)).toBe('2027-10-31T00:30:00Z');
  });
});

describe('a time clicked in the team view', () => {
  const day = ['09:00', '09:30', '10:30'].map((t) => slotAtTime(t, 60));

  it('falls in the latest free slot whose appointment covers it', () => {
    expect(slotAt(day, '09:40')?.localStart).toBe('09:30');
    expect(slotAt(day, '09:10')?.localStart).toBe('09:00');
    expect(slotAt(day, '11:29')?.localStart).toBe('10:30');
  });

  it('else takes a start within the next quarter of an hour, or none', () => {
    const sparse = [slotAtTime('09:00', 30), slotAtTime('10:00', 30)];
    expect(slotAt(sparse, '09:50')?.localStart).toBe('10:00');
    expect(slotAt(sparse, '09:40')).toBeUndefined();
    expect(slotAt(sparse, '10:30')).toBeUndefined();
  });

  it('looks only at the slots of the clicked professional', () => {
    const shared = [slotAtTime('09:00', 60, ['ana']), slotAtTime('09:30', 60, ['bea'])];
    expect(slotAt(shared, '09:40', 'ana')?.localStart).toBe('09:00');
    expect(slotAt(shared, '09:40', 'bea')?.localStart).toBe('09:30');
    expect(slotAt(shared, '09:40', 'carla')).toBeUndefined();
  });
});

describe('the slot choice', () => {
  const picked = (): SlotChoice['chosen'] => {
    const slot = slotAtTime('10:00', 30, ['ana', 'bea']);
    return { slot, option: slot.options[1]! };
  };

  it('starts with nothing picked, any professional and no override', () => {
    expect(newChoice({ date: '2027-01-04', serviceId: 'V1' })).toEqual({
      serviceId: 'V1',
      staffId: '',
      date: '2027-01-04',
      stepMin: '',
      chosen: null,
      override: false,
      overrideTime: '',
      wantedTime: null,
    });
  });

  it('drops the picked time when the service, professional, day or step changes', () => {
    const choice = { ...newChoice({ date: '2027-01-04', serviceId: 'V1' }), chosen: picked() };
    expect(withChange(choice, { serviceId: 'V2' }).chosen).toBeNull();
    expect(withChange(choice, { staffId: 'ana' }).chosen).toBeNull();
    expect(withChange(choice, { date: '2027-01-05' }).chosen).toBeNull();
    expect(withChange(choice, { stepMin: 15 }).chosen).toBeNull();
    expect(withChange(choice, { override: true }).chosen).toBe(choice.chosen);
    expect(withChange(choice, { date: '2027-01-05', chosen: picked() }).chosen).not.toBeNull();
  });

  it("copies a picked time into the override's own time", () => {
    const choice = withChange(newChoice({ date: '2027-01-04', overrideTime: '08:00' }), { chosen: picked() });
    expect(choice.overrideTime).toBe('10:00');
    expect(withChange(choice, { chosen: null }).overrideTime).toBe('10:00');
  });
});

describe('resolving the choice before booking', () => {
  const base = newChoice({ date: '2027-01-04', serviceId: 'V1' });
  const refusal = (field: string, message: string) => ({ ok: false, error: { code: 'invalid_input', field, message } });

  it('refuses without a service first, then without a picked time', () => {
    expect(resolveChoice({ ...base, serviceId: '' }, madrid, messages)).toEqual(refusal('serviceId', messages.serviceRequired));
    expect(resolveChoice({ ...base, serviceId: '', override: true }, madrid, messages)).toEqual(refusal('serviceId', messages.serviceRequired));
    expect(resolveChoice(base, madrid, messages)).toEqual(refusal('startsAt', messages.timeRequired));
  });

  it('books the picked slot with the professional of the picked option', () => {
    const slot = slotAtTime('10:00', 30, ['ana', 'bea']);
    const choice = { ...base, staffId: '', chosen: { slot, option: slot.options[1]! } };
    expect(resolveChoice(choice, madrid, messages)).toEqual({ ok: true, startsAt: '2027-01-04T09:00:00Z', staffId: 'bea', override: false });
  });

  it('with the override, needs one professional and a valid day and time, and takes the typed time in the zone', () => {
    const override = { ...base, override: true, staffId: 'ana', overrideTime: '02:30', date: '2027-03-28' };
    expect(resolveChoice({ ...override, staffId: '' }, madrid, messages)).toEqual(refusal('staffId', messages.staffRequired));
    expect(resolveChoice({ ...override, overrideTime: '' }, madrid, messages)).toEqual(refusal('startsAt', messages.timeRequired));
    expect(resolveChoice({ ...override, overrideTime: '24:00' }, madrid, messages)).toEqual(refusal('startsAt', messages.timeRequired));
    expect(resolveChoice({ ...override, date: '2027-02-30' }, madrid, messages)).toEqual(refusal('startsAt', messages.timeRequired));
    expect(resolveChoice(override, madrid, messages)).toEqual({ ok: true, startsAt: '2027-03-28T01:30:00Z', staffId: 'ana', override: true });
  });

  it('with the override, ignores a slot picked before', () => {
    const slot = slotAtTime('10:00', 30, ['bea']);
    const choice = { ...base, override: true, staffId: 'ana', overrideTime: '12:00', chosen: { slot, option: slot.options[0]! } };
    expect(resolveChoice(choice, madrid, messages)).toEqual({ ok: true, startsAt: '2027-01-04T11:00:00Z', staffId: 'ana', override: true });
  });
});
