import type { esTemplates } from './es-templates';

/** English texts of Settings › Messages (the WhatsApp templates) and the waitlist's "Offer the place". */
export const enTemplates: typeof esTemplates = {
  templates: {
    title: 'Messages',
    hint: 'The texts opened in WhatsApp. Placeholders: {client} {date} {time} {service} {professional} {centre}.',
    language: 'Message language',
    kind: 'Message',
    kinds: {
      reminder: 'Appointment reminder',
      place_freed: 'Place freed on the waitlist',
      booking_confirmed: 'Booking confirmed',
      booking_cancelled: 'Booking cancelled',
    },
    body: 'Text',
    preview: 'Preview',
    save: 'Save message',
    reset: 'Back to the original text',
    saved: 'Message saved.',
    edited: 'Edited',
    sample: { client: 'Ana Ruiz', service: 'Pilates', professional: 'Paula' },
  },
  offer: {
    button: 'Offer the place',
    label: 'Offer the place to {{name}}',
    offeredAgo: 'offered {{ago}}',
    booked: '{{name}} has the place.',
    waiting_one: '{{count}} waiting',
    waiting_other: '{{count}} waiting',
  },
};
