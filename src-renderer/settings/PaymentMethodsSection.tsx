import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomPaymentMethod } from '../../src-shared/domain/product';
import { call, useQuery } from '../api/client';
import { ActiveToggleList } from '../catalogue/ActiveToggleList';
import { PanelSection } from '../components/PanelSection';
import { TextField } from '../components/TextField';
import { CallForm, SubmitButton } from './CallForm';
import { RowEditor } from './RowEditor';

const fields = ['name'] as const;

/** Ajustes › Métodos de pago: the country's built-in methods, and the centre's own (add, rename, deactivate). */
export function PaymentMethodsSection() {
  const { t } = useTranslation();
  const list = useQuery('paymentMethods.list', { includeInactive: true });
  const [name, setName] = useState('');
  const builtIn = list.data?.filter((m) => m.kind === 'built-in') ?? [];
  const custom: CustomPaymentMethod[] = (list.data ?? []).flatMap((m) => (m.kind === 'custom' ? [{ id: m.id, name: m.name, active: m.active }] : []));
  return (
    <PanelSection id="settings-payment-methods" title={t('paymentMethodsSettings.title')} className="settings-section">
      <p className="hint">{t('paymentMethodsSettings.hint')}</p>
      <p className="small">
        <strong>{t('paymentMethodsSettings.builtIn')}:</strong> {builtIn.map((m) => t(`checkout.methods.${m.method as 'cash'}`)).join(' · ')}
      </p>
      <p className="small">
        <strong>{t('paymentMethodsSettings.custom')}</strong>
      </p>
      <ActiveToggleList
        label={t('paymentMethodsSettings.custom')}
        query={{ ...list, data: list.data ? custom : undefined }}
        emptyText={t('paymentMethodsSettings.none')}
        row={(m) => (
          <span className="settings-row-main">
            <strong>{m.name}</strong>
            {!m.active && <span className="small muted">{t('paymentMethodsSettings.inactive')}</span>}
          </span>
        )}
        editLabel={(m) => t('paymentMethodsSettings.edit', { name: m.name })}
        toggle={(m) =>
          m.active
            ? { text: t('paymentMethodsSettings.deactivate'), label: t('paymentMethodsSettings.deactivateFor', { name: m.name }) }
            : { text: t('paymentMethodsSettings.activate'), label: t('paymentMethodsSettings.activateFor', { name: m.name }) }
        }
        onToggle={async (m) => {
          const r = await call('paymentMethods.update', { id: m.id, active: !m.active });
          return r.ok ? undefined : r.error;
        }}
        editor={(m, done) => <MethodEditor method={m} onDone={done} />}
      />
      <CallForm fields={fields} send={() => call('paymentMethods.create', { name })} onSuccess={() => setName('')} inline actions={<SubmitButton text={t('paymentMethodsSettings.create')} />}>
        {(errors) => <TextField id="payment-method-new-name" label={t('paymentMethodsSettings.name')} value={name} maxLength={60} error={errors.name} onChange={setName} />}
      </CallForm>
    </PanelSection>
  );
}

function MethodEditor({ method, onDone }: { method: CustomPaymentMethod; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(method.name);
  return (
    <RowEditor fields={fields} inline save={() => call('paymentMethods.update', { id: method.id, name })} onDone={onDone}>
      {(errors) => <TextField id={`payment-method-${method.id}-name`} label={t('paymentMethodsSettings.name')} value={name} maxLength={60} error={errors.name} autoFocus onChange={setName} />}
    </RowEditor>
  );
}
