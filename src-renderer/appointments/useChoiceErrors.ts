import { useState } from 'react';
import type { ApiError } from '../../src-shared/api/result';
import { useErrorText } from '../components/bits';

/** The fields of the booking and reschedule dialogs an API error can name. */
export type ChoiceField = 'clientId' | 'serviceId' | 'staffId' | 'startsAt' | 'note';
const fields: readonly ChoiceField[] = ['clientId', 'serviceId', 'staffId', 'startsAt', 'note'];

/**
 * An error beside its field (the API's `field`), or in a banner when it names none of them.
 * `focus` gets the field's element id so the desk lands on what to fix.
 */
export function useChoiceErrors(focusId: (field: ChoiceField) => string) {
  const errorText = useErrorText();
  const [errors, setErrors] = useState<Partial<Record<ChoiceField, string>>>({});
  const [banner, setBanner] = useState<ApiError | undefined>();
  const show = (error: ApiError | undefined) => {
    const field = fields.find((f) => error?.field === f || error?.field?.startsWith(`${f}.`));
    setErrors(error && field ? { [field]: errorText(error) } : {});
    setBanner(error && !field ? error : undefined);
    if (field) window.setTimeout(() => document.getElementById(focusId(field))?.focus(), 0);
  };
  return { errors, banner, show, clearBanner: () => setBanner(undefined) };
}
