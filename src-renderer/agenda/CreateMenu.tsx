import { useTranslation } from 'react-i18next';
import { eventKinds, type EventKind } from '../../src-shared/domain/agenda';
import { Popover } from './Popover';

/** "+ Crear" → Sesión / Reunión / Privado / Recordatorio. */
export function CreateMenu({ onCreate }: { onCreate: (kind: EventKind) => void }) {
  const { t } = useTranslation();
  return (
    <Popover className="create-menu popover-right" label={t('agenda.createMenu')} buttonText={t('agenda.create')}>
      {(close) => (
        <div className="menu-list">
          {eventKinds.map((kind) => (
            <button
              key={kind}
              type="button"
              className={`menu-item kind-${kind}`}
              onClick={() => {
                close();
                onCreate(kind);
              }}
            >
              <span className="kind-dot" aria-hidden="true" />
              {t(`agenda.kinds.${kind}`)}
            </button>
          ))}
        </div>
      )}
    </Popover>
  );
}
