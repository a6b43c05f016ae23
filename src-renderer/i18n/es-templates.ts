/** Spanish texts of Ajustes › Mensajes (the WhatsApp templates) and the waitlist's "Ofrecer la plaza". */
export const esTemplates = {
  templates: {
    title: 'Mensajes',
    hint: 'Los textos que se abren en WhatsApp. Marcadores: {cliente} {fecha} {hora} {servicio} {profesional} {centro}.',
    language: 'Idioma del mensaje',
    kind: 'Mensaje',
    kinds: {
      reminder: 'Recordatorio de cita',
      place_freed: 'Plaza libre en la lista de espera',
      booking_confirmed: 'Reserva confirmada',
      booking_cancelled: 'Reserva cancelada',
    },
    body: 'Texto',
    preview: 'Vista previa',
    save: 'Guardar mensaje',
    reset: 'Volver al texto original',
    saved: 'Mensaje guardado.',
    edited: 'Modificado',
    sample: { client: 'Ana Ruiz', service: 'Pilates', professional: 'Paula' },
  },
  offer: {
    button: 'Ofrecer la plaza',
    label: 'Ofrecer la plaza a {{name}}',
    offeredAgo: 'ofrecida {{ago}}',
    booked: '{{name}} tiene la plaza.',
    waiting_one: '{{count}} en espera',
    waiting_other: '{{count}} en espera',
  },
};
