import { describe, expect, it } from 'vitest';
import { cashCountTotal, countLines, denominationsOf } from '../../src-main/engine/till/denominations';
import { closeLines, expectedByMethod, sumTaxes } from '../../src-main/engine/till/expected';

describe('denominations', () => {
  it('lists the notes and coins of EUR, CLP and MXN, largest first', () => {
    expect(denominationsOf('EUR')[0]).toBe(50000);
    expect(denominationsOf('EUR').at(-1)).toBe(1);
    expect(denominationsOf('EUR')).toHaveLength(15);
    expect(denominationsOf('CLP')).toEqual([20000, 10000, 5000, 2000, 1000, 500, 100, 50, 10]);
    expect(denominationsOf('MXN')[0]).toBe(100000);
    expect(denominationsOf('MXN').at(-1)).toBe(50);
    for (const c of ['EUR', 'CLP', 'MXN']) {
      const d = denominationsOf(c);
      expect([...d].sort((a, b) => b - a)).toEqual(d);
      expect(new Set(d).size).toBe(d.length);
    }
    expect(denominationsOf('XXX')).toEqual([]);
  });

  it('totals a count and names a denomination the currency has not', () => {
    expect(cashCountTotal('EUR', { '5000': 2, '200': 3, '1': 4 })).toEqual({ totalMinor: 10604, unknown: [] });
    expect(cashCountTotal('CLP', { '20000': 1, '5': 2 })).toEqual({ totalMinor: 20000, unknown: ['5'] });
    expect(cashCountTotal('MXN', { '50': 3 }).totalMinor).toBe(150);
  });

  it('keeps the counted lines largest first, none with no count', () => {
    expect(countLines({ '1': 3, '5000': 1, '200': 0 })).toEqual([
      { denominationMinor: 5000, count: 1 },
      { denominationMinor: 1, count: 3 },
    ]);
  });
});

describe('expected per method', () => {
  it('cash: sales − voids + float + in − out; other methods: sales − voids', () => {
    const lines = expectedByMethod({
      floatMinor: 10000,
      sales: [
        { method: 'card', amountMinor: 2500 },
        { method: 'cash', amountMinor: 3000 },
        { method: 'cash', amountMinor: 1200 },
        { method: 'custom:01J0000000000000000000000A', amountMinor: 700 },
      ],
      voids: [{ method: 'cash', amountMinor: 1200 }, { method: 'bizum', amountMinor: 900 }],
      movements: [
        { kind: 'in', amountMinor: 500 },
        { kind: 'out', amountMinor: 2000 },
      ],
    });
    expect(lines).toEqual([
      { method: 'cash', salesMinor: 4200, voidsMinor: 1200, expectedMinor: 4200 - 1200 + 10000 + 500 - 2000 },
      { method: 'card', salesMinor: 2500, voidsMinor: 0, expectedMinor: 2500 },
      { method: 'bizum', salesMinor: 0, voidsMinor: 900, expectedMinor: -900 },
      { method: 'custom:01J0000000000000000000000A', salesMinor: 700, voidsMinor: 0, expectedMinor: 700 },
    ]);
  });

  it('always lists cash, with the float alone on a day of no sales', () => {
    expect(expectedByMethod({ floatMinor: 5000, sales: [], voids: [], movements: [] })).toEqual([{ method: 'cash', salesMinor: 0, voidsMinor: 0, expectedMinor: 5000 }]);
  });
});

describe('the close', () => {
  const expected = expectedByMethod({ floatMinor: 5000, sales: [{ method: 'cash', amountMinor: 1000 }, { method: 'card', amountMinor: 3000 }], voids: [], movements: [] });

  it('matches counted with expected; a difference with its reason is accepted', () => {
    const { lines, problems } = closeLines(expected, [
      { method: 'cash', countedMinor: 5900, reason: 'Faltan 1 € de cambio' },
      { method: 'card', countedMinor: 3000, reason: null },
    ]);
    expect(problems).toEqual([]);
    expect(lines).toEqual([
      { method: 'cash', expectedMinor: 6000, countedMinor: 5900, differenceMinor: -100, reason: 'Faltan 1 € de cambio' },
      { method: 'card', expectedMinor: 3000, countedMinor: 3000, differenceMinor: 0, reason: null },
    ]);
  });

  it('asks for every reason and every missing count at once', () => {
    const { problems } = closeLines(expected, [
      { method: 'cash', countedMinor: 6100, reason: '  ' },
      { method: 'bizum', countedMinor: 500, reason: null },
    ]);
    expect(problems).toEqual([
      { method: 'cash', code: 'required', what: 'reason' },
      { method: 'card', code: 'required', what: 'count' },
      { method: 'bizum', code: 'required', what: 'reason' },
    ]);
  });
});

describe('taxes per rate', () => {
  it('adds the documents, corrective ones negative', () => {
    expect(
      sumTaxes([
        { rateBp: 2100, baseMinor: 1000, taxMinor: 210 },
        { rateBp: 1000, baseMinor: 500, taxMinor: 50 },
        { rateBp: 2100, baseMinor: -1000, taxMinor: -210 },
        { rateBp: 2100, baseMinor: 2000, taxMinor: 420 },
      ]),
    ).toEqual([
      { rateBp: 2100, baseMinor: 2000, taxMinor: 420 },
      { rateBp: 1000, baseMinor: 500, taxMinor: 50 },
    ]);
  });
});
