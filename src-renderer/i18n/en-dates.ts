import type { esDates } from './es-dates';

/** English texts of the date fields (one date picker everywhere: dd/mm/yyyy and a calendar). */
export const enDates: typeof esDates = {
  dateField: {
    placeholder: 'dd/mm/yyyy',
    open: 'Open calendar',
    calendar: 'Calendar',
    previousMonth: 'Previous month',
    nextMonth: 'Next month',
    today: 'Today',
    invalid: 'Not a valid date: write it as dd/mm/yyyy (for example, 07/12/2026).',
    outOfRange: 'That date is outside the allowed ones.',
  },
};
