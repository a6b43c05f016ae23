/** Spanish texts of the restrictions shown before booking and of the check-in window. */
export const esRestrictions = {
  restrictions: {
    checkInBefore: 'Check-in desde (minutos antes)',
    checkInBeforeHint: 'Cuántos minutos antes del inicio de una sesión o cita se puede registrar la llegada.',
    checkInBeforeInvalid: 'Escribe un número entero de minutos, de 0 a 1440.',
    checkInOpensAt: 'El check-in se abre a las {{time}}',
  },
};
