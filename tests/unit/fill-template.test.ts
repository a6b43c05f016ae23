import { describe, expect, it } from 'vitest';
import { defaultTemplates, fillTemplate, templateBody } from '../../src-shared/domain/templates';

const values = { client: 'Ana Ruiz', startsAt: '2026-12-07T09:30:00.000Z', service: 'Pilates', professional: 'Paula', centre: 'Estudio Alma' };

describe('fillTemplate', () => {
  it('fills the Spanish placeholders with the date and time in Spanish, in the centre’s zone', () => {
    const text = fillTemplate('Hola {cliente}: {servicio} con {profesional} el {fecha} a las {hora}. {centro}', values, { language: 'es', timeZone: 'Europe/Madrid' });
    expect(text).toBe('Hola Ana Ruiz: Pilates con Paula el lunes, 7 de diciembre a las 10:30. Estudio Alma');
  });

  it('fills the English placeholders in English, and accepts either language’s names', () => {
    const text = fillTemplate('Hi {client}, {service} on {date} at {time} ({hora}) {centre}', values, { language: 'en', timeZone: 'Atlantic/Canary' });
    expect(text).toBe('Hi Ana Ruiz, Pilates on Monday 7 December at 09:30 (09:30) Estudio Alma');
  });

  it('leaves unknown words in braces alone and fills every repeat', () => {
    expect(fillTemplate('{cliente} {cliente} {otro}', values, { language: 'es', timeZone: 'Europe/Madrid' })).toBe('Ana Ruiz Ana Ruiz {otro}');
  });

  it('uses the default text until the centre has edited one', () => {
    expect(templateBody([], 'reminder', 'en')).toBe(defaultTemplates.en.reminder);
    expect(templateBody([{ kind: 'reminder', language: 'en', body: 'X', edited: true, updatedAt: null }], 'reminder', 'en')).toBe('X');
    const filled = fillTemplate(defaultTemplates.es.place_freed, values, { language: 'es', timeZone: 'Europe/Madrid' });
    expect(filled).not.toMatch(/\{/);
  });
});
