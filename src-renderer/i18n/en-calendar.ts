import type { esCalendar } from './es-calendar';

/** English texts of the agenda's calendar tiles, its compact bars and drag to reschedule. */
export const enCalendar: typeof esCalendar = {
  calendar: {
    moreFigures: 'See all figures',
    fewerFigures: 'Fewer figures',
    tile: '{{client}} · {{service}}',
    overrideReasonOptional: 'Reason for the exception (optional, recorded)',
    allDay: 'All day',
    birthday: 'Birthday',
    icons: {
      arrived: 'Arrived',
      noShow: 'No-show',
      paid: 'Paid',
      creditPending: 'Payment pending',
      notes: 'Allergies or important notes',
      firstVisit: 'First visit',
      waiting: '{{count}} waiting',
    },
    drag: {
      hint: 'Drag to reschedule',
      moving: 'Moving the appointment…',
      overrideTitle: 'That time is not free',
      overrideIntro: '{{client}} · {{service}}: {{when}} with {{staff}}.',
      overrideReason: 'Reason to reschedule anyway',
      overrideReasonRequired: 'Write the reason.',
      overrideConfirm: 'Reschedule anyway',
      back: 'Back',
    },
  },
};
