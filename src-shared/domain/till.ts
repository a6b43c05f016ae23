import type { TaxBreakdown } from './fiscal';

/** One payment method's figures for a till session. */
export interface TillMethodFigure {
  /** A built-in method (cash, card…) or "custom:<id>". */
  method: string;
  /** Its label when custom (the payment method's name); null for a built-in one. */
  label: string | null;
  /** Taken in this session's sales. */
  salesMinor: number;
  /** Given back for sales voided in this session. */
  voidsMinor: number;
  /** What the till should hold: sales − voids, and for cash + float + cash in − cash out. */
  expectedMinor: number;
  /** At the close: what was counted, the difference (counted − expected) and why. */
  countedMinor: number | null;
  differenceMinor: number | null;
  reason: string | null;
}

export interface TillMovement {
  id: string;
  kind: 'in' | 'out';
  amountMinor: number;
  reason: string;
  staffName: string | null;
  at: string;
}

export interface TillCorrection {
  id: string;
  method: string;
  /** Signed: what the closed day's figure for the method is corrected by. */
  amountMinor: number;
  reason: string;
  staffName: string | null;
  at: string;
}

/** The documents of one series issued in the session. */
export interface TillSeriesSummary {
  series: string;
  firstNumber: string;
  lastNumber: string;
  count: number;
  totalMinor: number;
}

export interface TillCorrectiveDocument {
  fullNumber: string;
  /** The number of the document it corrects. */
  corrects: string;
  totalMinor: number;
  reason: string | null;
}

/** A desk's day at the till, with everything the Z report shows. */
export interface TillSession {
  id: string;
  deskId: string;
  deskName: string;
  /** The centre as its documents name it (null: no fiscal data yet). */
  issuer: { legalName: string; taxId: string } | null;
  businessDate: string;
  state: 'open' | 'closed';
  currency: string;
  floatMinor: number;
  /** The notes and coins of the currency (minor units, largest first): the close counts by them. */
  denominationsMinor: number[];
  openedAt: string;
  openedBy: string | null;
  closedAt: string | null;
  closedBy: string | null;
  zNumber: number | null;
  salesCount: number;
  voidsCount: number;
  cashInMinor: number;
  cashOutMinor: number;
  methods: TillMethodFigure[];
  /** The cash counted by note and coin at the close (denomination in minor units), largest first. */
  cashCount: { denominationMinor: number; count: number }[] | null;
  movements: TillMovement[];
  documents: { series: TillSeriesSummary[]; correctives: TillCorrectiveDocument[] };
  /** The session's documents' taxes per rate (corrective ones count negative). */
  taxes: TaxBreakdown[];
  corrections: TillCorrection[];
}

/** A line of till.list. */
export interface TillSessionSummary {
  id: string;
  deskId: string;
  deskName: string;
  businessDate: string;
  state: 'open' | 'closed';
  zNumber: number | null;
  openedAt: string;
  closedAt: string | null;
}
