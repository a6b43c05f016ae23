/** Spanish texts of passes, plans, credits, promotions on the client card and in settings. */
export const esPasses = {
  passes: {
    title: 'Bonos y planes',
  },
};
