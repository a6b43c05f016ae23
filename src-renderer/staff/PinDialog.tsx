import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../src-shared/domain/staff';
import { Field } from '../agenda/form/Field';
import { ModalDialog } from '../agenda/ModalDialog';
import { call } from '../api/client';
import { useToast } from '../app/toasts';
import { ErrorBanner } from '../components/bits';
import { CancelSaveButtons } from '../components/CancelSaveButtons';
import { useFormErrors } from '../settings/useFormErrors';
import { useSession } from '../sign-in/session-context';
import { pinMaxLength } from '../sign-in/PinPad';

const pinFields = ['pin', 'repeat'] as const;
const validPin = /^\d{4,8}$/;

/** "Poner PIN" / "Cambiar PIN": typed twice. The team's first PIN turns sign-in on, and signs in as that person. */
export function PinDialog({ member, onClose }: { member: StaffMember; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { state, signIn } = useSession();
  const errors = useFormErrors(pinFields);
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const first = !state.pinsOn;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!validPin.test(pin)) return errors.show({ code: 'invalid_pin', message: t('staff.pinInvalid'), field: 'pin' });
    if (repeat !== pin) return errors.show({ code: 'invalid_pin', message: t('staff.pinMismatch'), field: 'repeat' });
    setBusy(true);
    const r = await call('staff.setPin', { staffId: member.id, pin });
    if (!r.ok) {
      setBusy(false);
      return errors.show(r.error);
    }
    if (first) {
      // Whoever set the first PIN knows it: they go on working as that person.
      const signedIn = await signIn(member.id, pin);
      toast(signedIn.ok ? t('staff.pinsTurnedOn', { name: member.name }) : t('staff.pinSaved', { name: member.name }));
    } else toast(t('staff.pinSaved', { name: member.name }));
    setBusy(false);
    onClose();
  };

  const digitsOnly = (value: string) => value.replace(/\D/g, '').slice(0, pinMaxLength);
  return (
    <ModalDialog title={t('staff.pinTitle', { name: member.name })} onClose={onClose} className="pin-dialog">
      <form noValidate className="stack" onSubmit={(e) => void submit(e)}>
        {first && <p className="hint">{t('staff.pinFirst', { name: member.name })}</p>}
        <Field id="staff-pin" label={t('staff.pinNew')} hint={t('staff.pinNewHint')} error={errors.fieldErrors.pin}>
          {(aria) => (
            <input {...aria} type="password" inputMode="numeric" autoComplete="new-password" maxLength={pinMaxLength} value={pin} autoFocus onChange={(e) => setPin(digitsOnly(e.target.value))} />
          )}
        </Field>
        <Field id="staff-pin-repeat" label={t('staff.pinRepeat')} error={errors.fieldErrors.repeat}>
          {(aria) => (
            <input {...aria} type="password" inputMode="numeric" autoComplete="new-password" maxLength={pinMaxLength} value={repeat} onChange={(e) => setRepeat(digitsOnly(e.target.value))} />
          )}
        </Field>
        <ErrorBanner error={errors.banner} onClose={errors.clearBanner} />
        <div className="dialog-actions">
          <CancelSaveButtons onCancel={onClose} saving={busy} label={t('staff.pinSave')} />
        </div>
      </form>
    </ModalDialog>
  );
}
