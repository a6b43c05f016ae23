import type { CustomFieldKind } from '../../../src-shared/domain/custom-field';

export interface CustomFieldsTable {
  id: string;
  label: string;
  label_key: string;
  kind: CustomFieldKind;
  /** JSON array of strings. */
  options: string;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface ClientCustomValuesTable {
  client_id: string;
  field_id: string;
  /** Text as typed, a number as its decimal string, a date as YYYY-MM-DD. */
  value: string;
  created_at: string;
  updated_at: string;
}
