export const customFieldKinds = ['text', 'number', 'date', 'choice'] as const;
export type CustomFieldKind = (typeof customFieldKinds)[number];

/** A field the centre adds to every client card (e.g. the pet's name at a vet). */
export interface CustomField {
  id: string;
  label: string;
  kind: CustomFieldKind;
  /** The allowed values of a choice field; empty for the other kinds. */
  options: string[];
  position: number;
}
