import { describe, expect, it } from 'vitest';
import { ftsQuery } from '../../src-main/engine/clients/search-query';
import { clientSearchWords } from '../../src-main/engine/clients/search-words';
import { fold, foldedWords } from '../../src-main/engine/text/fold';

describe('fold', () => {
  it('lower-cases and strips accents', () => {
    expect(fold('José Muñoz')).toBe('jose munoz');
    expect(fold('ÍÑIGO ÁLVAREZ')).toBe('inigo alvarez');
    expect(fold('Çàèïõü')).toBe('caeiou');
  });

  it('splits into words of letters and digits', () => {
    expect(foldedWords('María-José  Pérez.Gómez@Correo.es')).toEqual(['maria', 'jose', 'perez', 'gomez', 'correo', 'es']);
    expect(foldedWords('  ')).toEqual([]);
  });
});

describe('ftsQuery', () => {
  it('folds accents and case and makes every word a quoted prefix', () => {
    expect(ftsQuery('José  MUÑOZ')).toBe('"jose"* "munoz"*');
    expect(ftsQuery('munoz')).toBe('"munoz"*');
  });

  it('merges a run of digits typed with spaces, dots or dashes into one term', () => {
    expect(ftsQuery('612 34 56 78')).toBe('"612345678"*');
    expect(ftsQuery('+34 612 34 56 78')).toBe('"34612345678"*');
    expect(ftsQuery('612-34.56')).toBe('"6123456"*');
    expect(ftsQuery('ana 612 345')).toBe('"ana"* "612345"*');
    expect(ftsQuery('612 ana 345')).toBe('"612"* "ana"* "345"*');
  });

  it.each([
    ['"a" OR b*', '"a"* "or"* "b"*'],
    ['NEAR(ana luis)', '"near"* "ana"* "luis"*'],
    ['(perez) AND NOT gomez', '"perez"* "and"* "not"* "gomez"*'],
    ['first_name:ana', '"first"* "name"* "ana"*'],
    ['^ana +luis -pepe', '"ana"* "luis"* "pepe"*'],
    ['ana"; DROP TABLE clients; --', '"ana"* "drop"* "table"* "clients"*'],
  ])('neutralises FTS syntax in %j', (typed, expected) => {
    const query = ftsQuery(typed);
    expect(query).toBe(expected);
    // Only quoted terms of letters and digits remain: nothing FTS5 would read as an operator.
    expect(query).toMatch(/^("[\p{L}\p{N}]+"\*)( "[\p{L}\p{N}]+"\*)*$/u);
  });

  it.each(['', '   ', '"', '***', '()', '"" --', '\t\n'])('is null when nothing searchable is left in %j', (typed) => {
    expect(ftsQuery(typed)).toBeNull();
  });
});

describe('clientSearchWords', () => {
  it('holds the folded names, email parts, both phone spellings, the tax id and custom values', () => {
    const words = clientSearchWords({
      firstName: 'José',
      lastName: 'Muñoz Pérez',
      phone: '+34612345678',
      email: 'Jose.Munoz@Correo.es',
      taxId: '12.345.678-5',
      customValues: ['Alergia al látex'],
    }).split(' ');
    for (const word of ['jose', 'munoz', 'perez', 'correo', 'es', '34612345678', '612345678', '123456785', 'alergia', 'latex']) {
      expect(words).toContain(word);
    }
    expect(new Set(words).size).toBe(words.length);
  });
});
