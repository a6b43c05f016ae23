/** Seed 003's gallery: pictures the client brings for inspiration, and the result after the service. */
export const photoKinds = ['inspiration', 'result'] as const;
export type PhotoKind = (typeof photoKinds)[number];

/** The largest photo the desk takes (a phone's full-resolution JPEG fits with room to spare). */
export const maxPhotoBytes = 15 * 1024 * 1024;

/** A visit a photo may be linked to: a place in a session or an appointment of the same client. */
export interface PhotoVisit {
  kind: 'booking' | 'appointment';
  id: string;
  startsAt: string;
  /** The session's title or the service's name. */
  what: string;
}

export interface ClientPhoto {
  id: string;
  clientId: string;
  kind: PhotoKind;
  caption: string | null;
  visit: PhotoVisit | null;
  width: number;
  height: number;
  sizeBytes: number;
  addedBy: string | null;
  createdAt: string;
  /** The thumbnail as a data URL; null when the file is not on this desk (the row came by sync from another). */
  thumbnail: string | null;
}

export interface ClientGallery {
  photos: ClientPhoto[];
  /** The photo in the card's header, if it is one of these. */
  headerPhotoId: string | null;
  /** The client's visits a photo may be linked to, newest first. */
  visits: PhotoVisit[];
}
