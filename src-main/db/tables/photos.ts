import type { PhotoKind } from '../../../src-shared/domain/photos';

export interface ClientPhotosTable {
  id: string;
  client_id: string;
  kind: PhotoKind;
  caption: string | null;
  /** The visit it was taken at or for: a session booking or an appointment of the same client (at most one). */
  booking_id: string | null;
  appointment_id: string | null;
  /** <id>.<ext> in photos/<client id>/ of the data folder; the thumbnail is <id>.thumb.jpg beside it. */
  file_name: string;
  mime_type: 'image/jpeg' | 'image/png' | 'image/webp';
  width: number;
  height: number;
  size_bytes: number;
  /** Taken from the caller, never from the input. */
  added_by: string | null;
  created_at: string;
  updated_at: string;
}
