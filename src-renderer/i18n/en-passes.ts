import type { esPasses } from './es-passes';

/** English texts of passes, plans, credits, promotions on the client card and in settings. Same keys as es-passes.ts. */
export const enPasses: typeof esPasses = {
  passes: {
    title: 'Passes and plans',
  },
};
