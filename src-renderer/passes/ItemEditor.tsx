import type { ReactNode } from 'react';
import type { ApiResult } from '../../src-shared/api/result';
import { useToast } from '../app/toasts';
import { RowEditor } from '../settings/RowEditor';
import { CreateForm } from './CreateForm';

interface ItemEditorProps {
  /** Changing an item (its list row becomes the form), or creating one (the "New …" form). */
  editing: boolean;
  /** The inputs' names in the API, for errors that belong to one of them. */
  fields: readonly string[];
  send: () => Promise<ApiResult<unknown>>;
  /** The "New …" form's heading, its submit button and the toast once created. */
  create: { title: string; submit: string; created: string };
  onDone: () => void;
  children: (fieldErrors: Record<string, string>) => ReactNode;
}

/** The editor of a settings list's item: the row being changed, or the "New …" form; errors go beside their fields. */
export function ItemEditor({ editing, fields, send, create, onDone, children }: ItemEditorProps) {
  const toast = useToast();
  if (editing) {
    return (
      <RowEditor fields={fields} save={send} onDone={onDone}>
        {children}
      </RowEditor>
    );
  }
  return (
    <CreateForm title={create.title} fields={fields} send={send} submitText={create.submit} onCreated={() => toast(create.created)} onClose={onDone}>
      {children}
    </CreateForm>
  );
}
