import { z } from 'zod';
import { contract, callNames } from '../../src-shared/api/contract';

/** Every call with what it does, its kind, who may make it, and its input as JSON Schema. */
export function listCalls() {
  return callNames.map((name) => {
    const spec = contract[name];
    return {
      call: name,
      summary: spec.summary,
      kind: spec.kind,
      roles: spec.access.roles,
      input: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }),
    };
  });
}
