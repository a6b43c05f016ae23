import { useTranslation } from 'react-i18next';
import { slotSteps } from '../../src-shared/api/appointments';
import { Field } from '../agenda/form/Field';
import { useDesk } from '../staff/desk-context';
import { StaffOptions } from '../staff/StaffOptions';
import type { SlotChoice, StepChoice } from './slot-choice';
import type { BookableCatalogue } from './useBookableCatalogue';

interface ServiceStaffFieldsProps {
  idPrefix: string;
  choice: SlotChoice;
  onChange: (patch: Partial<SlotChoice>) => void;
  catalogue: BookableCatalogue;
  errors: { serviceId?: string; staffId?: string };
  /** Rescheduling keeps the service: only the professional and the step are asked. */
  showService: boolean;
}

/** Service, professional (or any) and the step between offered times. */
export function ServiceStaffFields({ idPrefix, choice, onChange, catalogue, errors, showService }: ServiceStaffFieldsProps) {
  const { t } = useTranslation();
  const { staffById } = useDesk();
  const staff = choice.serviceId ? catalogue.staffFor(choice.serviceId) : [];
  const chosenStaff = staffById(choice.staffId);
  const current = chosenStaff && !staff.some((s) => s.id === chosenStaff.id) ? { ...chosenStaff, active: false } : undefined;
  return (
    <div className={`field-row ${showService ? 'field-row-3' : ''}`}>
      {showService && (
        <Field id={`${idPrefix}-serviceId`} label={t('appointments.service')} error={errors.serviceId}>
          {(aria) => (
            <select {...aria} value={choice.serviceId} onChange={(e) => onChange({ serviceId: e.target.value })}>
              <option value="">{t('appointments.chooseService')}</option>
              {catalogue.services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id={`${idPrefix}-staffId`} label={t('appointments.professional')} error={errors.staffId}>
        {(aria) => (
          <select {...aria} value={choice.staffId} onChange={(e) => onChange({ staffId: e.target.value })}>
            <option value="">{t('appointments.anyProfessional')}</option>
            <StaffOptions staff={staff} chosen={current} />
          </select>
        )}
      </Field>
      <Field id={`${idPrefix}-step`} label={t('appointments.step')}>
        {(aria) => (
          <select {...aria} value={String(choice.stepMin)} onChange={(e) => onChange({ stepMin: (Number(e.target.value) || '') as StepChoice })}>
            <option value="">{t('appointments.stepDuration')}</option>
            {slotSteps.map((m) => (
              <option key={m} value={m}>
                {t('appointments.stepMinutes', { count: m })}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
