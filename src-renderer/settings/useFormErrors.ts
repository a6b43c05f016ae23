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
    const baseOf = (field: string | undefined) => fields.find((f) => field === f || field?.startsWith(`${f}.`));
    const base = baseOf(error?.field);
    if (!error) {
      setFieldErrors({});
      setBanner(undefined);
    } else if (base) {
      // Every bad field at once, each beside its own (the first message of a field wins).
      const all: Record<string, string> = {};
      for (const entry of error.fields ?? [error]) {
        const own = baseOf(entry.field);
        if (own && !(own in all)) all[own] = errorText(entry);
      }
      setFieldErrors(all);
      setBanner(undefined);
    } else {
      setFieldErrors({});
      setBanner(error);
    }
  };
  return { fieldErrors, banner, show, clearBanner: () => setBanner(undefined) };
}
