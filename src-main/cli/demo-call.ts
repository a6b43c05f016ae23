import type { CallInput, CallName, CallResult } from '../../src-shared/api/contract';
import type { UntypedInvoke } from '../api/dispatch';

/** A contract call that must succeed while seeding the demo centre. */
export type DemoCall = <C extends CallName>(name: C, input: CallInput<C>) => Promise<CallResult<C>>;

/** Calls through `invoke`; a refusal throws, naming the call and the error. */
export function demoCaller(invoke: UntypedInvoke): DemoCall {
  return async (name, input) => {
    const result = await invoke(name, input);
    if (!result.ok) throw new Error(`seed-demo: ${name} refused: ${result.error.code} ${result.error.field ?? ''} ${result.error.message}`);
    return result.value as never;
  };
}

/** The id of the item of that name (the demo's own catalogue and team). */
export function byName<T extends { id: string; name: string }>(list: readonly T[], name: string): string {
  const found = list.find((item) => item.name === name);
  if (!found) throw new Error(`seed-demo: no "${name}" in the demo centre`);
  return found.id;
}
