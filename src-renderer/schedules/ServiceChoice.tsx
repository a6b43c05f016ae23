import { useTranslation } from 'react-i18next';
import type { Service } from '../../src-shared/domain/catalogue';
import { FieldGroup } from '../agenda/form/Field';

interface ServiceChoiceProps {
  /** The active services, and any retired one the schedule still offers. */
  services: readonly Service[];
  chosen: string[];
  onChange: (serviceIds: string[], first: Service | undefined) => void;
  error: string | undefined;
}

/** The services a schedule offers, as checkboxes; `first` is the service ticked when none was. */
export function ServiceChoice({ services, chosen, onChange, error }: ServiceChoiceProps) {
  const { t } = useTranslation();
  const toggle = (service: Service, on: boolean) => {
    const next = on ? [...chosen, service.id] : chosen.filter((id) => id !== service.id);
    onChange(next, on && chosen.length === 0 ? service : undefined);
  };
  return (
    <FieldGroup id="schedule-serviceIds" legend={t('schedules.services')} error={error}>
      {services.length === 0 && <p className="hint">{t('schedules.noServices')}</p>}
      <div className="service-choice">
        {services.map((s) => (
          <label key={s.id} className="checkbox">
            <input type="checkbox" checked={chosen.includes(s.id)} onChange={(e) => toggle(s, e.target.checked)} />
            {s.name}
            <span className="small muted">{t('schedules.minutes', { count: s.durationMin })}</span>
          </label>
        ))}
      </div>
    </FieldGroup>
  );
}
