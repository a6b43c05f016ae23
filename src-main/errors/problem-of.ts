import { AppError } from './app-error';

/** The refusals a check throws on its fields, kept to be answered with the others ([] when it passes). */
export async function problemOf(check: () => Promise<unknown>): Promise<AppError[]> {
  try {
    await check();
    return [];
  } catch (error) {
    if (error instanceof AppError) return error.everyField;
    throw error;
  }
}
