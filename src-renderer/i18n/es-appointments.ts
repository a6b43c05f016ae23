/** Spanish texts of appointments: slot picker, booking, the appointment panel, the client's history. */
export const esAppointments = {
  appointments: {
    book: 'Agendar',
  },
};
