import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardTabId } from './card-tabs';

interface CardTabStripProps {
  tabs: readonly CardTabId[];
  selected: CardTabId;
  onSelect: (tab: CardTabId) => void;
}

export const tabButtonId = (tab: CardTabId) => `card-tab-${tab}`;
export const tabPanelId = (tab: CardTabId) => `card-tabpanel-${tab}`;

/** The card's sections as tabs (WAI-ARIA tabs: arrows, Home and End move and select; one tab stop). */
export function CardTabStrip({ tabs, selected, onSelect }: CardTabStripProps) {
  const { t } = useTranslation();
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.indexOf(selected);
    const next =
      e.key === 'ArrowRight' ? tabs[(at + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(at - 1 + tabs.length) % tabs.length] : e.key === 'Home' ? tabs[0] : e.key === 'End' ? tabs.at(-1) : undefined;
    if (!next) return;
    e.preventDefault();
    onSelect(next);
    document.getElementById(tabButtonId(next))?.focus();
  };
  return (
    <div className="card-tabs" role="tablist" aria-label={t('cardTabs.label')} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={tabButtonId(tab)}
          className="card-tab"
          aria-selected={tab === selected}
          aria-controls={tabPanelId(tab)}
          tabIndex={tab === selected ? 0 : -1}
          onClick={() => onSelect(tab)}
        >
          {t(`cardTabs.${tab}`)}
        </button>
      ))}
    </div>
  );
}
