import { z } from 'zod';
import { contract, callNames } from '../../src-shared/api/contract';

/** Every call with what it does, whether it writes, and its input as JSON Schema. */
export function listCalls() {
  return callNames.map((name) => {
    const spec = contract[name];
    return {
      call: name,
      summary: spec.summary,
      writes: spec.writes,
      input: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }),
    };
  });
}
