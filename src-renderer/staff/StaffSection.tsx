import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { staffRoles, type StaffMember, type StaffRole } from '../../src-shared/domain/staff';
import { call, useQuery } from '../api/client';
import { useToast } from '../app/toasts';
import { ActiveToggleList, ShowInactiveCheckbox } from '../catalogue/ActiveToggleList';
import { CallDialog } from '../components/CallDialog';
import { PanelSection } from '../components/PanelSection';
import { TextField } from '../components/TextField';
import { ColourField } from '../settings/ColourField';
import { CallForm, SubmitButton } from '../settings/CallForm';
import { RowEditor } from '../settings/RowEditor';
import { useSession } from '../sign-in/session-context';
import { PinDialog } from './PinDialog';

const fields = ['name', 'colour', 'role'] as const;
const palette = ['#2a9d8f', '#e76f51', '#3d85c6', '#8e6bbf', '#d1495b', '#6a994e', '#e9a23b', '#264653'];

function RoleSelect({ id, value, onChange }: { id: string; value: StaffRole; onChange: (role: StaffRole) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t('staff.role')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as StaffRole)}>
        {staffRoles.map((r) => (
          <option key={r} value={r}>
            {t(`staff.roles.${r}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Ajustes › Equipo: professionals and collaborators with colour, role, active flag and PIN. */
export function StaffSection() {
  const { t } = useTranslation();
  const toast = useToast();
  const { state } = useSession();
  const [showInactive, setShowInactive] = useState(false);
  const [pinFor, setPinFor] = useState<StaffMember | null>(null);
  const [removePinOf, setRemovePinOf] = useState<StaffMember | null>(null);
  const staff = useQuery('staff.list', { includeInactive: showInactive });
  const [name, setName] = useState('');
  const [colour, setColour] = useState(palette[0] ?? '#2a9d8f');
  const [role, setRole] = useState<StaffRole>('professional');

  const created = () => {
    setName('');
    const used = new Set((staff.data ?? []).map((s) => s.colour).concat(colour));
    setColour(palette.find((c) => !used.has(c)) ?? colour);
  };

  return (
    <PanelSection id="settings-staff" title={t('staff.title')} className="settings-section staff-section">
      <p className="hint">{t('staff.hint')}</p>
      <p className="hint">{state.pinsOn ? t('staff.pinsOn') : t('staff.pinsOff')}</p>
      <ShowInactiveCheckbox label={t('staff.showInactive')} checked={showInactive} onChange={setShowInactive} />
      <ActiveToggleList
        label={t('staff.list')}
        query={staff}
        emptyText={t('staff.none')}
        row={(s) => (
          <>
            <span className="staff-dot staff-dot-large" aria-hidden="true" style={{ background: s.colour }} />
            <span className="settings-row-main">
              <strong>{s.name}</strong>
              <span className="small muted">
                {t(`staff.roles.${s.role}`)}
                {` · ${s.hasPin ? t('staff.hasPin') : t('staff.noPin')}`}
                {!s.active && ` · ${t('staff.inactive')}`}
              </span>
            </span>
          </>
        )}
        editLabel={(s) => t('staff.edit', { name: s.name })}
        toggle={(s) =>
          s.active ? { text: t('staff.deactivate'), label: t('staff.deactivateFor', { name: s.name }) } : { text: t('staff.activate'), label: t('staff.activateFor', { name: s.name }) }
        }
        onToggle={async (s) => {
          const r = await call('staff.update', { id: s.id, active: !s.active });
          return r.ok ? undefined : r.error;
        }}
        editor={(s, done) => <StaffEditor member={s} onDone={done} />}
        actions={(s) => (
          <>
            <button type="button" className="button button-small" aria-label={s.hasPin ? t('staff.changePinFor', { name: s.name }) : t('staff.setPinFor', { name: s.name })} onClick={() => setPinFor(s)}>
              {s.hasPin ? t('staff.changePin') : t('staff.setPin')}
            </button>
            {s.hasPin && (
              <button type="button" className="button button-small" aria-label={t('staff.removePinFor', { name: s.name })} onClick={() => setRemovePinOf(s)}>
                {t('staff.removePin')}
              </button>
            )}
          </>
        )}
      />
      {pinFor && <PinDialog member={pinFor} onClose={() => setPinFor(null)} />}
      {removePinOf && (
        <CallDialog
          title={t('staff.removePinTitle', { name: removePinOf.name })}
          confirmLabel={t('staff.removePinConfirm')}
          text={t('staff.removePinText', { name: removePinOf.name })}
          action={() => call('staff.setPin', { staffId: removePinOf.id, pin: null })}
          onClose={() => setRemovePinOf(null)}
          onDone={() => {
            setRemovePinOf(null);
            toast(t('staff.pinRemoved', { name: removePinOf.name }));
          }}
        />
      )}
      <CallForm fields={fields} send={() => call('staff.create', { name, colour, role })} onSuccess={created} inline actions={<SubmitButton text={t('staff.create')} />}>
        {(fieldErrors) => (
          <>
            <TextField id="staff-new-name" label={t('staff.name')} value={name} maxLength={80} error={fieldErrors.name} onChange={setName} />
            <ColourField id="staff-new-colour" label={t('staff.colour')} value={colour} onChange={setColour} />
            <RoleSelect id="staff-new-role" value={role} onChange={setRole} />
          </>
        )}
      </CallForm>
    </PanelSection>
  );
}

function StaffEditor({ member, onDone }: { member: StaffMember; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(member.name);
  const [colour, setColour] = useState(member.colour);
  const [role, setRole] = useState(member.role);
  return (
    <RowEditor fields={fields} inline save={() => call('staff.update', { id: member.id, name, colour, role })} onDone={onDone}>
      {(fieldErrors) => (
        <>
          <TextField id={`staff-${member.id}-name`} label={t('staff.name')} value={name} maxLength={80} error={fieldErrors.name} autoFocus onChange={setName} />
          <ColourField id={`staff-${member.id}-colour`} label={t('staff.colour')} value={colour} onChange={setColour} />
          <RoleSelect id={`staff-${member.id}-role`} value={role} onChange={setRole} />
        </>
      )}
    </RowEditor>
  );
}
