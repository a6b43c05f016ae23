/** English texts of the restrictions shown before booking and of the check-in window. */
export const enRestrictions = {
  restrictions: {
    checkInBefore: 'Check-in from (minutes before)',
    checkInBeforeHint: 'How many minutes before a session or appointment starts the desk may check a client in.',
    checkInBeforeInvalid: 'Type a whole number of minutes, from 0 to 1440.',
    checkInOpensAt: 'Check-in opens at {{time}}',
  },
};
