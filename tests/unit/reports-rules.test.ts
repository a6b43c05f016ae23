import { describe, expect, it } from 'vitest';
import { chileAmounts, mexicoGlobalCsv, satPaymentForm } from '../../src-main/engine/reports/fiscal-exports';
import { decimal, guarded, salesReportCsv } from '../../src-main/engine/reports/report-csv';
import { salesReport } from '../../src-main/engine/reports/sales-report';

describe('the sales report', () => {
  const names = { staff: new Map([['ana', 'Ana'], ['eva', 'Eva']]), methods: new Map([['custom:X', 'Cheque regalo']]) };
  const report = salesReport(
    { from: '2027-03-01', to: '2027-03-02', currency: 'EUR' },
    [
      { saleId: 's1', day: '2027-03-01', sign: 1, sellerId: 'eva' },
      { saleId: 's2', day: '2027-03-01', sign: 1, sellerId: 'eva' },
      // s1 voided the next day: it comes back out there.
      { saleId: 's1', day: '2027-03-02', sign: -1, sellerId: 'eva' },
    ],
    [
      { saleId: 's1', kind: 'service', itemId: 'corte', description: 'Corte', quantity: 1, totalMinor: 1800, taxMinor: 312, taxRateBp: 2100, professionalId: 'ana' },
      { saleId: 's2', kind: 'product', itemId: 'champu', description: 'Champú', quantity: 2, totalMinor: 2420, taxMinor: 220, taxRateBp: 1000, professionalId: null },
    ],
    [
      { saleId: 's1', method: 'cash', amountMinor: 1800 },
      { saleId: 's2', method: 'custom:X', amountMinor: 2420 },
    ],
    names,
  );

  it('counts a sale on its day and its void on the void\'s day, every table net of voids', () => {
    expect(report.byDay).toEqual([
      { date: '2027-03-01', salesCount: 2, voidsCount: 0, totalMinor: 4220, taxMinor: 532 },
      { date: '2027-03-02', salesCount: 0, voidsCount: 1, totalMinor: -1800, taxMinor: -312 },
    ]);
    expect(report.byDayMethod).toEqual([
      { date: '2027-03-01', method: 'cash', amountMinor: 1800 },
      { date: '2027-03-01', method: 'custom:X', amountMinor: 2420 },
      { date: '2027-03-02', method: 'cash', amountMinor: -1800 },
    ]);
    // The line's professional (the appointment's), else the seller.
    expect(report.byProfessional).toEqual([
      { staffId: 'eva', name: 'Eva', lines: 1, quantity: 2, totalMinor: 2420 },
      { staffId: 'ana', name: 'Ana', lines: 0, quantity: 0, totalMinor: 0 },
    ]);
    expect(report.byMethod).toEqual([
      { method: 'cash', label: null, payments: 0, amountMinor: 0 },
      { method: 'custom:X', label: 'Cheque regalo', payments: 1, amountMinor: 2420 },
    ]);
    expect(report.taxes).toEqual([
      { rateBp: 2100, baseMinor: 0, taxMinor: 0 },
      { rateBp: 1000, baseMinor: 2200, taxMinor: 220 },
    ]);
    expect(report.totals).toEqual({ salesCount: 2, voidsCount: 1, totalMinor: 2420, taxMinor: 220 });
  });

  it('writes each table as CSV for Spanish Excel, a custom method by its name, formulas defused', () => {
    expect(salesReportCsv(report, 'methods', 'es').csv).toBe('\uFEFFMétodo de pago;Pagos;Importe\r\nEfectivo;0;0,00\r\nCheque regalo;1;24,20\r\n');
    expect(salesReportCsv(report, 'taxes', 'en').csv).toBe('\uFEFFRate;Base;Tax;Total\r\n21 %;0,00;0,00;0,00\r\n10 %;22,00;2,20;24,20\r\n');
    expect(salesReportCsv(report, 'days', 'es').rows).toBe(2);
    expect(guarded('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(guarded('-12,50')).toBe('-12,50');
  });
});

describe('amounts and codes of the fiscal exports', () => {
  it('writes minor units as decimals of the currency', () => {
    expect(decimal(-1250, 'EUR')).toBe('-12.50');
    expect(decimal(5, 'MXN', ',')).toBe('0,05');
    expect(decimal(11900, 'CLP')).toBe('11900');
  });

  it("splits a Chilean sale's lines into net, IVA and exempt", () => {
    expect(chileAmounts([{ total_minor: 11900, tax_minor: 1900, tax_rate_bp: 1900 }, { total_minor: 5000, tax_minor: 0, tax_rate_bp: 0 }])).toEqual({ netMinor: 10000, ivaMinor: 1900, exemptMinor: 5000, totalMinor: 16900 });
  });

  it("gives the SAT's forma de pago of the largest payment", () => {
    expect(satPaymentForm([{ method: 'cash', amountMinor: 100 }])).toBe('01');
    expect(satPaymentForm([{ method: 'cash', amountMinor: 100 }, { method: 'card', amountMinor: 900 }])).toBe('04');
    expect(satPaymentForm([{ method: 'transfer', amountMinor: 100 }])).toBe('03');
    expect(satPaymentForm([{ method: 'mercado_pago', amountMinor: 100 }])).toBe('99');
    expect(satPaymentForm([])).toBe('99');
  });

  it('ends the global CFDI file with a summary line per rate', () => {
    const csv = mexicoGlobalCsv(
      [
        { ticket: 'T-1', date: '2027-03-01', taxes: [{ rateBp: 1600, baseMinor: 10000, taxMinor: 1600 }], ivaMinor: 1600, totalMinor: 11600, paymentForm: '01' },
        { ticket: 'T-2', date: '2027-03-02', taxes: [{ rateBp: 0, baseMinor: 5000, taxMinor: 0 }], ivaMinor: 0, totalMinor: 5000, paymentForm: '04' },
      ],
      'MXN',
    );
    expect(csv.split('\r\n')).toEqual([
      'ticket,fecha,base_16,iva_16,base_8,iva_8,base_0,iva_0,iva,total,forma_pago',
      'T-1,2027-03-01,100.00,16.00,0.00,0.00,0.00,0.00,16.00,116.00,01',
      'T-2,2027-03-02,0.00,0.00,0.00,0.00,50.00,0.00,0.00,50.00,04',
      'TOTAL (2),,100.00,16.00,0.00,0.00,50.00,0.00,16.00,166.00,',
      '',
    ]);
  });
});
