/** Spanish texts of the date fields (one date picker everywhere: d/m/aaaa and a calendar). */
export const esDates = {
  dateField: {
    /** What the field expects, shown as its placeholder. */
    placeholder: 'd/m/aaaa',
    open: 'Abrir calendario',
    calendar: 'Calendario',
    previousMonth: 'Mes anterior',
    nextMonth: 'Mes siguiente',
    today: 'Hoy',
    invalid: 'Fecha no válida: escríbela como d/m/aaaa (por ejemplo, 7/12/2026).',
    outOfRange: 'Esa fecha queda fuera de las permitidas.',
  },
};
