import { describe, expect, it } from 'vitest';
import { documentTitleKey, formatIssueDate, formatRate, taxIdKey } from '../../src-renderer/checkout/fiscal-format';
import { customerErrorsOf, customerFromClient, customerInput, customerProblems, emptyCustomer } from '../../src-renderer/checkout/invoice-customer';
import type { Client } from '../../src-shared/domain/client';

const texts = { required: 'Obligatorio.', taxRegime: 'Tres cifras.', cfdiUse: 'Letras y cifras.' };

describe('a full invoice’s customer as the desk types it', () => {
  it('is prefilled from the client’s card: name, tax id, address and postcode', () => {
    const card = { firstName: 'Lucía', lastName: 'Muñoz', taxId: '12345678Z', address: 'Calle Luna 3', city: 'Madrid', postalCode: '28004' } as Client;
    expect(customerFromClient(card)).toEqual({ ...emptyCustomer, name: 'Lucía Muñoz', taxId: '12345678Z', address: 'Calle Luna 3, Madrid', postcode: '28004' });
    expect(customerFromClient({ firstName: 'Ana', lastName: null, taxId: null, address: null, city: null, postalCode: null } as Client)).toEqual({ ...emptyCustomer, name: 'Ana' });
  });

  it('is sent trimmed, without empty optional fields, and with the régimen fiscal and CFDI use only in Mexico', () => {
    const typed = { name: ' Lucía ', taxId: ' 12345678Z ', address: '', postcode: ' 28004 ', taxRegime: '612', cfdiUse: 'g03' };
    expect(customerInput(typed, 'ES')).toEqual({ name: 'Lucía', taxId: '12345678Z', postcode: '28004' });
    expect(customerInput(typed, 'MX')).toEqual({ name: 'Lucía', taxId: '12345678Z', postcode: '28004', taxRegime: '612', cfdiUse: 'G03' });
  });

  it('names every missing or malformed field at once', () => {
    expect(customerProblems(emptyCustomer, 'ES', texts)).toEqual({ name: 'Obligatorio.', taxId: 'Obligatorio.' });
    expect(customerProblems({ ...emptyCustomer, name: 'X', taxId: 'Y', taxRegime: '61', cfdiUse: '03' }, 'MX', texts)).toEqual({ taxRegime: 'Tres cifras.', cfdiUse: 'Letras y cifras.' });
    // Outside Mexico those two are not asked for, so not checked.
    expect(customerProblems({ ...emptyCustomer, name: 'X', taxId: 'Y', taxRegime: '61' }, 'ES', texts)).toEqual({});
  });

  it('puts each of the API’s refusals beside its own field, from every field the error lists', () => {
    const error = {
      code: 'invalid_input' as const,
      message: 'name',
      field: 'invoiceTo.name',
      fields: [
        { code: 'invalid_input' as const, message: 'name', field: 'invoiceTo.name' },
        { code: 'invalid_input' as const, message: 'tax id', field: 'invoiceTo.taxId' },
        { code: 'invalid_input' as const, message: 'other', field: 'lines.0' },
      ],
    };
    expect(customerErrorsOf(error, 'invoiceTo')).toEqual({ name: 'name', taxId: 'tax id' });
    expect(customerErrorsOf(error, 'customer')).toEqual({});
    expect(customerErrorsOf({ code: 'invalid_input', message: 'bad', field: 'customer.cfdiUse' }, 'customer')).toEqual({ cfdiUse: 'bad' });
    expect(customerErrorsOf(undefined, 'customer')).toEqual({});
  });
});

describe('what a document prints', () => {
  it('names the tax id by country', () => {
    expect(['ES', 'CL', 'MX', 'PT'].map(taxIdKey)).toEqual(['ES', 'CL', 'MX', 'other']);
  });

  it('titles a simple sale’s document by country: a factura simplificada only in Spain', () => {
    expect(documentTitleKey('simplified', 'ES')).toBe('receipt.title.simplified');
    expect(documentTitleKey('simplified', 'CL')).toBe('receipt.title.simplifiedCL');
    expect(documentTitleKey('simplified', 'MX')).toBe('receipt.title.simplifiedMX');
    expect(documentTitleKey('corrective', 'CL')).toBe('receipt.title.corrective');
    expect(documentTitleKey('full', 'MX')).toBe('receipt.title.full');
  });

  it('prints rates and dates the locale’s way', () => {
    expect(formatRate(2100, 'es-ES')).toMatch(/^21\s%$/);
    expect(formatRate(1000, 'en-GB')).toBe('10%');
    expect(formatRate(0, 'es-ES')).toMatch(/^0\s%$/);
    expect(formatIssueDate('2026-12-07', 'es-ES')).toBe('07/12/2026');
  });
});
