import { describe, expect, it } from 'vitest';
import { formatRatioTable, scaleRatios, summarize } from '../../tests/bench/stats';

describe('the scale bench ratio view', () => {
  const results = [summarize('agenda.month', [2, 4]), summarize('agenda.month.x10', [10, 12], 15), summarize('today.board.x10', [3]), summarize('db.open', [50])];

  it('sets each .xN entry beside its 1× entry of the same run, with the p95 ratio', () => {
    expect(scaleRatios(results, 10)).toEqual([
      { name: 'agenda.month', factor: 10, base_p50_ms: 2, base_p95_ms: 4, scaled_p50_ms: 10, scaled_p95_ms: 12, ratio_p95: 3 },
      { name: 'today.board', factor: 10, base_p50_ms: NaN, base_p95_ms: NaN, scaled_p50_ms: 3, scaled_p95_ms: 3, ratio_p95: null },
    ]);
  });

  it('ignores entries of another factor', () => {
    expect(scaleRatios(results, 5)).toEqual([]);
  });

  it('prints one line per scaled entry, a dash where there is no 1× figure', () => {
    const lines = formatRatioTable(scaleRatios(results, 10)).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^agenda\.month ×10\s+2\.000\s+4\.000\s+10\.000\s+12\.000\s+3\.00×$/);
    expect(lines[2]).toMatch(/^today\.board ×10\s+—\s+—\s+3\.000\s+3\.000\s+—$/);
  });
});
