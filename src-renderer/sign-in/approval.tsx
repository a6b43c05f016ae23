import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { canApprove } from '../../src-shared/api/access';
import type { CallInput, CallName, CallResult } from '../../src-shared/api/contract';
import type { Approval } from '../../src-shared/api/invoke';
import type { ApiResult } from '../../src-shared/api/result';
import { call } from '../api/client';
import { ApprovalDialog } from './ApprovalDialog';
import { useSession } from './session-context';

/** Sends the call again with an approval; answers what it answered. */
type Resend = (approval: Approval) => Promise<ApiResult<unknown>>;
/** Shows the dialog; null when the desk cancelled it. */
type AskApproval = (resend: Resend) => Promise<ApiResult<unknown> | null>;

const ApprovalContext = createContext<AskApproval | null>(null);

/** Holds the one "Autorización de un responsable" dialog of the app. */
export function ApprovalProvider({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const [pending, setPending] = useState<{ resend: Resend; resolve: (result: ApiResult<unknown> | null) => void } | null>(null);
  const ask = useCallback<AskApproval>((resend) => new Promise((resolve) => setPending({ resend, resolve })), []);
  const approvers = state.team.filter((m) => m.hasPin && canApprove(m.role) && m.id !== state.staffId);
  return (
    <ApprovalContext.Provider value={ask}>
      {children}
      {pending && (
        <ApprovalDialog
          approvers={approvers}
          resend={pending.resend}
          onDone={(result) => {
            setPending(null);
            pending.resolve(result);
          }}
        />
      )}
    </ApprovalContext.Provider>
  );
}

/**
 * A call that an owner's or manager's PIN may approve on the spot (`access.approvable` in the
 * contract). Refused with `forbidden` while PINs are on, it asks for that approval and sends the
 * same call again with it. Answers null when the desk cancelled the approval: nothing changed.
 */
export function useApprovableCall(): <C extends CallName>(name: C, input: CallInput<C>) => Promise<ApiResult<CallResult<C>> | null> {
  const ask = useContext(ApprovalContext);
  const { state } = useSession();
  const pinsOn = state.pinsOn;
  return useCallback(
    async <C extends CallName>(name: C, input: CallInput<C>) => {
      const first = await call(name, input);
      if (first.ok || first.error.code !== 'forbidden' || !pinsOn || !ask) return first;
      // The contract (every call's schema) is loaded only for a refusal: the first screen does not carry it.
      const { contract } = await import('../../src-shared/api/contract');
      if (contract[name].access.approvable !== true) return first;
      return (await ask((approval) => call(name, input, { approval }))) as ApiResult<CallResult<C>> | null;
    },
    [ask, pinsOn],
  );
}
