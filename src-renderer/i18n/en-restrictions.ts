/** English texts of the restrictions shown before booking and of the check-in window. */
export const enRestrictions = {
  restrictions: {
    checkInBefore: 'Check-in from (minutes before)',
    checkInBeforeHint: 'How many minutes before a session or appointment starts the desk may check a client in.',
    checkInBeforeInvalid: 'Type a whole number of minutes, from 0 to 1440.',
    checkInOpensAt: 'Check-in opens at {{time}}',
    checkInFrom: 'Attendance can be marked from {{when}} (the check-in window).',
    blacklisted: 'Blacklisted: cannot book',
    alreadyBooked: 'Already in the session',
    lacksTagsAll: 'Missing tags: {{tags}}',
    lacksTagsAny: 'Needs one of: {{tags}}',
    lacksTagsNone: 'The session is visible to nobody (no tags)',
    noPass: 'No valid pass',
    overrideTitle: 'Book {{name}} anyway',
    overrideTags: 'The session is only for clients with its tags and {{name}} does not have them.',
    overrideNoPass: '{{name}} has no valid pass for this session: the booking keeps its credit pending.',
    overrideReason: 'Reason (recorded)',
    overrideReasonRequired: 'Write the reason to book anyway.',
    overrideConfirm: 'Book anyway',
  },
};
