/** Spanish texts of the restrictions shown before booking and of the check-in window. */
export const esRestrictions = {
  restrictions: {
    checkInBefore: 'Check-in desde (minutos antes)',
    checkInBeforeHint: 'Cuántos minutos antes del inicio de una sesión o cita se puede registrar la llegada.',
    checkInBeforeInvalid: 'Escribe un número entero de minutos, de 0 a 1440.',
    checkInOpensAt: 'El check-in se abre a las {{time}}',
    checkInFrom: 'La asistencia se marca desde el {{when}} (la ventana de check-in).',
    blacklisted: 'Lista negra: no puede reservar',
    alreadyBooked: 'Ya está en la sesión',
    lacksTagsAll: 'Le faltan etiquetas: {{tags}}',
    lacksTagsAny: 'Necesita una de: {{tags}}',
    lacksTagsNone: 'La sesión no es visible para nadie (sin etiquetas)',
    noPass: 'Sin bono vigente',
    overrideTitle: 'Reservar a {{name}} igualmente',
    overrideTags: 'La sesión es solo para clientes con sus etiquetas y {{name}} no las tiene.',
    overrideNoPass: '{{name}} no tiene un bono vigente para esta sesión: la reserva queda con el crédito pendiente de canjear.',
    overrideReason: 'Motivo (queda registrado)',
    overrideReasonRequired: 'Escribe el motivo para reservar igualmente.',
    overrideConfirm: 'Reservar igualmente',
  },
};
