import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Approval } from '../../src-shared/api/invoke';
import type { ApiError, ApiResult } from '../../src-shared/api/result';
import type { TeamMemberAtSignIn } from '../../src-shared/domain/staff';
import { Field } from '../agenda/form/Field';
import { ModalDialog } from '../agenda/ModalDialog';
import { useErrorText } from '../components/bits';
import { PinPad } from './PinPad';

interface ApprovalDialogProps {
  /** Owners and managers with a PIN. */
  approvers: TeamMemberAtSignIn[];
  resend: (approval: Approval) => Promise<ApiResult<unknown>>;
  /** The approved call's answer, or null: cancelled. */
  onDone: (result: ApiResult<unknown> | null) => void;
}

/** An error about the approval itself stays here; any other is the approved call's, for the flow to show. */
function isAboutApproval(error: ApiError): boolean {
  return error.field?.startsWith('approval.') === true;
}

/** "Autorización de un responsable": an owner or manager picks their name and types their PIN. */
export function ApprovalDialog({ approvers, resend, onDone }: ApprovalDialogProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [staffId, setStaffId] = useState(approvers.length === 1 ? (approvers[0]?.id ?? '') : '');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ staffId?: string; pin?: string }>({});
  const approver = approvers.find((m) => m.id === staffId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!approver) return setErrors({ staffId: t('approval.choose') });
    if (!pin) return;
    setBusy(true);
    const r = await resend({ staffId: approver.id, pin });
    setBusy(false);
    if (r.ok || !isAboutApproval(r.error)) return onDone(r);
    setPin('');
    setErrors(r.error.field === 'approval.staffId' ? { staffId: errorText(r.error) } : { pin: errorText(r.error) });
  };

  return (
    <ModalDialog title={t('approval.title')} onClose={() => onDone(null)} className="approval-dialog">
      <form noValidate className="stack" onSubmit={(e) => void submit(e)}>
        <p>{approvers.length > 0 ? t('approval.text') : t('approval.nobody')}</p>
        {approvers.length > 0 && (
          <>
            <Field id="approval-staff" label={t('approval.approver')} error={errors.staffId}>
              {(aria) => (
                <select
                  {...aria}
                  value={staffId}
                  autoFocus={!approver}
                  onChange={(e) => {
                    setStaffId(e.target.value);
                    setErrors({});
                  }}
                >
                  <option value="">{t('approval.choose')}</option>
                  {approvers.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name} · {t(`staff.roles.${m.role}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <PinPad
              id="approval-pin"
              label={approver ? t('approval.pin', { name: approver.name }) : t('approval.pinNobody')}
              value={pin}
              onChange={(next) => {
                setPin(next);
                if (next) setErrors((e) => ({ ...e, pin: undefined }));
              }}
              error={errors.pin}
              disabled={busy}
              okLabel={t('approval.confirm')}
              autoFocus={approver !== undefined}
            />
          </>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => onDone(null)}>
            {t('app.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
