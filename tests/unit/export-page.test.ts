import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, exportPage } from '../../src-main/export/export-page';

const page = (text: string, language: 'es' | 'en' = 'es') =>
  exportPage([{ name: 'card', data: { firstName: text, tags: [{ name: text }] } }, { name: 'notes', data: [{ text, visibility: 'shared' }] }], {
    language,
    timeZone: 'Europe/Madrid',
    currency: 'EUR',
    exportedAt: '2027-03-01T08:00:00.000Z',
    clientName: text,
  });
const count = (s: string, c: string) => s.split(c).length - 1;

describe('the readable page of an export', () => {
  it('property: whatever the client’s text, it is shown as text: the page’s markup never changes', () => {
    // An empty value is drawn as a muted dash (markup of its own): the texts are not empty.
    const markup = (language: 'es' | 'en') => ({ lt: count(page('x', language), '<'), gt: count(page('x', language), '>') });
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), fc.constantFrom('es' as const, 'en' as const), (text, language) => {
        const html = page(text, language);
        expect({ lt: count(html, '<'), gt: count(html, '>') }).toEqual(markup(language));
        expect(html).toContain(escapeHtml(text));
      }),
      { numRuns: 500 },
    );
  });

  it('escapes the five characters HTML gives a meaning to, and nothing else', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')"> & Muñoz`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; Muñoz');
  });

  it('writes dates, instants and codes in the language of the desk', () => {
    const data = [{ name: 'consents', data: [{ purpose: 'promotions', granted: true, method: 'email', recordedAt: '2027-03-01T08:00:00.000Z' }] }];
    const es = exportPage(data, { language: 'es', timeZone: 'Europe/Madrid', currency: 'EUR', exportedAt: '2027-03-01T08:00:00.000Z', clientName: 'Ana' });
    expect(es).toContain('<h2>Consentimientos</h2>');
    expect(es).toContain('<td>Promociones</td><td>Sí</td><td>Correo electrónico</td><td>1/3/2027, 09:00</td>');
    const en = exportPage(data, { language: 'en', timeZone: 'Europe/Madrid', currency: 'EUR', exportedAt: '2027-03-01T08:00:00.000Z', clientName: 'Ana' });
    expect(en).toContain('<td>Promotions</td><td>Yes</td><td>Email</td><td>01/03/2027, 09:00</td>');
  });
});
