/** A kind of group session (Pilates, Yoga…), with what a new session of it starts with. */
export interface SessionType {
  id: string;
  name: string;
  colour: string;
  defaultDurationMin: number;
  /** null: no place limit. */
  defaultPlaces: number | null;
}

/** Something the centre sells by the visit; appointments and checkout use the same list. */
export interface Service {
  id: string;
  name: string;
  durationMin: number;
  /** In minor units of the centre's currency (cents). */
  priceMinor: number;
  /** VAT in basis points (2100 = 21 %), included in the price. */
  vatRateBp: number;
  active: boolean;
}
