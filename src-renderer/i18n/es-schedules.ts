/** Spanish texts of the appointment schedules settings (schedule editor, exceptions, holidays). */
export const esSchedules = {
  schedules: {
    title: 'Horarios de citas',
  },
};
