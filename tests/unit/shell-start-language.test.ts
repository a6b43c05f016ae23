import { describe, expect, it } from 'vitest';
import { systemLanguage } from '../../src-main/shell/start-language';

describe('language before the settings are read', () => {
  it('is English only for an English system, Spanish otherwise', () => {
    expect(systemLanguage(['en-GB', 'es-ES'])).toBe('en');
    expect(systemLanguage(['en'])).toBe('en');
    expect(systemLanguage(['es-CL'])).toBe('es');
    expect(systemLanguage(['fr-FR', 'en-US'])).toBe('es');
    expect(systemLanguage([])).toBe('es');
  });
});
