import { z } from 'zod';
import type { ClientGallery, ClientPhoto } from '../domain/photos';
import { maxPhotoBytes, photoKinds } from '../domain/photos';
import { command, query, returns } from './define-call';
import { id, optionalText } from './fields';
import { everyone } from './access';

/** A photo as the page reads it: a base64 data URL. Its bytes are checked in main (type by content, size, integrity). */
const dataUrl = z.string().min(1).max(Math.ceil((maxPhotoBytes * 4) / 3) + 100, 'photo_too_large');

/** At most one visit: a booking or an appointment of the same client; null unlinks. */
const visit = z.strictObject({ kind: z.enum(['booking', 'appointment']), id }).nullable().optional();

export const photosApi = {
  'photos.list': query(
    z.strictObject({ clientId: id, kind: z.enum(photoKinds).optional() }),
    "A client's gallery, newest first, with thumbnails; the header photo and the visits a photo may be linked to",
    returns<ClientGallery>(),
    everyone,
  ),
  'photos.get': query(
    z.strictObject({ id }),
    'One photo at full size, as a data URL (null when its file is not on this desk)',
    returns<{ photo: ClientPhoto; dataUrl: string | null }>(),
    everyone,
  ),
  'photos.add': command(
    z.strictObject({ clientId: id, dataUrl, kind: z.enum(photoKinds), caption: optionalText(300), visit }),
    'Add a photo to the gallery (JPEG, PNG or WebP, at most 15 MB), kept in the data folder with a thumbnail',
    returns<ClientPhoto>(),
    everyone,
  ),
  'photos.update': command(
    z.strictObject({ id, kind: z.enum(photoKinds).optional(), caption: optionalText(300), visit }),
    "Change a photo's caption, kind or visit",
    returns<ClientPhoto>(),
    everyone,
  ),
  'photos.delete': command(z.strictObject({ id }), 'Delete a photo: its row and its files', returns<{ id: string }>(), everyone),
  'clients.setPhoto': command(
    z.strictObject({ clientId: id, photoId: id.nullable() }),
    "Choose the card's header photo from the gallery, or none",
    returns<{ clientId: string; photoId: string | null }>(),
    everyone,
  ),
  'clients.photo': query(
    z.strictObject({ clientId: id }),
    "The card's header photo as a thumbnail data URL (null: none, or its file is not on this desk)",
    returns<{ photoId: string | null; thumbnail: string | null }>(),
    everyone,
  ),
};
