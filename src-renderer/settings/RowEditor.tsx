import type { ReactNode } from 'react';
import type { ApiResult } from '../../src-shared/api/result';
import { CancelSaveButtons } from '../components/CancelSaveButtons';
import { CallForm } from './CallForm';

interface RowEditorProps {
  /** The inputs' names in the API, for errors that belong to one of them. */
  fields: readonly string[];
  save: () => Promise<ApiResult<unknown>>;
  onDone: () => void;
  /** One line with the buttons beside the inputs, or a stack with the buttons under them. */
  inline?: boolean;
  children: (fieldErrors: Record<string, string>) => ReactNode;
}

/** A list row turned into a form: Save closes it once the call succeeds; Cancel or Esc closes it unsaved. */
export function RowEditor({ fields, save, onDone, inline, children }: RowEditorProps) {
  return (
    <li className="settings-row settings-row-editing">
      <CallForm
        fields={fields}
        send={save}
        onSuccess={onDone}
        inline={inline}
        stackClassName="stack grow"
        actions={<CancelSaveButtons onCancel={onDone} />}
        onKeyDown={(e) => e.key === 'Escape' && onDone()}
      >
        {children}
      </CallForm>
    </li>
  );
}
