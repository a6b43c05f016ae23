import { useState } from 'react';
import type { ApiError } from '../../src-shared/api/result';
import { useErrorText } from '../components/bits';

/** Splits an API error into a field message (when the field is one of ours) or a banner. */
export function useFormErrors(fields: readonly string[]) {
  const errorText = useErrorText();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<ApiError | undefined>();
  const show = (error: ApiError | undefined) => {
    // "options.2" belongs to the options field.
    const base = fields.find((f) => error?.field === f || error?.field?.startsWith(`${f}.`));
    if (!error) {
      setFieldErrors({});
      setBanner(undefined);
    } else if (base) {
      setFieldErrors({ [base]: errorText(error) });
      setBanner(undefined);
    } else {
      setFieldErrors({});
      setBanner(error);
    }
  };
  return { fieldErrors, banner, show, clearBanner: () => setBanner(undefined) };
}
