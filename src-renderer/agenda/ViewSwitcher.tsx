import { useTranslation } from 'react-i18next';

export type AgendaView = 'month' | 'week' | 'day' | 'list' | 'team';
const views: AgendaView[] = ['month', 'week', 'day', 'list', 'team'];

/** Mes / Semana / Día / Lista / Equipo. */
export function ViewSwitcher({ view, onChange }: { view: AgendaView; onChange: (view: AgendaView) => void }) {
  const { t } = useTranslation();
  return (
    <div className="segmented" role="group" aria-label={t('agenda.views')}>
      {views.map((v) => (
        <button key={v} type="button" className="segment" aria-pressed={view === v} onClick={() => onChange(v)}>
          {t(`agenda.view.${v}`)}
        </button>
      ))}
    </div>
  );
}
