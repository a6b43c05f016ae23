/** Spanish texts of the agenda's calendar tiles, its compact bars and drag to reschedule. */
export const esCalendar = {
  calendar: {
    moreFigures: 'Ver todas las cifras',
    fewerFigures: 'Menos cifras',
    tile: '{{client}} · {{service}}',
    overrideReasonOptional: 'Motivo de la excepción (opcional, queda registrado)',
    allDay: 'Todo el día',
    birthday: 'Cumpleaños',
    icons: {
      arrived: 'Llegó',
      noShow: 'No vino',
      paid: 'Pagada',
      creditPending: 'Pago pendiente',
      notes: 'Alergias o notas importantes',
      firstVisit: 'Primera visita',
      waiting: '{{count}} en cola',
    },
    drag: {
      hint: 'Arrastra para reprogramar',
      moving: 'Moviendo la cita…',
      overrideTitle: 'Esa hora no está libre',
      overrideIntro: '{{client}} · {{service}}: {{when}} con {{staff}}.',
      overrideReason: 'Motivo para reprogramar igualmente',
      overrideReasonRequired: 'Escribe el motivo.',
      overrideConfirm: 'Reprogramar igualmente',
      back: 'Volver',
    },
  },
};
