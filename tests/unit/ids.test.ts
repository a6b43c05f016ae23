import { describe, expect, it } from 'vitest';
import { newId } from '../../src-main/engine/ids';

describe('newId', () => {
  it('gives distinct, time-ordered ULIDs across refills of its random pool', () => {
    // A new millisecond's first id draws 16 values from the 1,024-value pool: 130 milliseconds refill it at least twice.
    const ids: string[] = [];
    for (let ms = 0; ms < 130; ms++) {
      const start = Date.now();
      while (Date.now() === start) {
        // wait for the next millisecond
      }
      // The first of a millisecond draws a random part; the second increments it.
      ids.push(newId(), newId());
    }
    for (const id of ids) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    // Each millisecond's first id has a freshly drawn random part: they are not all alike.
    expect(new Set(ids.map((id) => id.slice(10, 14))).size).toBeGreaterThan(100);
  });
});
