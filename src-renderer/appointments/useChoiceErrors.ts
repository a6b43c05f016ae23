import type { ApiError } from '../../src-shared/api/result';
import { useFormErrors } from '../settings/useFormErrors';

/** The fields of the booking and reschedule dialogs an API error can name. */
export type ChoiceField = 'clientId' | 'serviceId' | 'staffId' | 'startsAt' | 'note';
const fields: readonly ChoiceField[] = ['clientId', 'serviceId', 'staffId', 'startsAt', 'note'];

/**
 * An error beside its field (the API's `field`), or in a banner when it names none of them.
 * `focus` gets the field's element id so the desk lands on what to fix.
 */
export function useChoiceErrors(focusId: (field: ChoiceField) => string) {
  const { fieldErrors, banner, show: showError, clearBanner } = useFormErrors(fields);
  const show = (error: ApiError | undefined) => {
    showError(error);
    const field = fields.find((f) => error?.field === f || error?.field?.startsWith(`${f}.`));
    if (field) window.setTimeout(() => document.getElementById(focusId(field))?.focus(), 0);
  };
  return { errors: fieldErrors as Partial<Record<ChoiceField, string>>, banner, show, clearBanner };
}
