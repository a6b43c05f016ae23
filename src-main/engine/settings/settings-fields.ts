import { AppError } from '../../errors/app-error';
import { isTimeZone } from '../time/local-date';

const currencies = new Set(Intl.supportedValuesOf('currency'));

/** Every bad field of a settings change at once: a time zone and a currency this machine knows. */
export function centreSettingsProblems(patch: { timeZone?: string | undefined; currency?: string | undefined }): AppError[] {
  const problems: AppError[] = [];
  if (patch.timeZone !== undefined && !isTimeZone(patch.timeZone)) problems.push(new AppError('invalid_time_zone', 'timeZone'));
  if (patch.currency !== undefined && !currencies.has(patch.currency)) problems.push(new AppError('invalid_currency', 'currency'));
  return problems;
}
