import { lazy, type ComponentType } from 'react';
import type { Client } from '../../src-shared/domain/client';

/** The card's tabs, in the seed's order (Treatwell's "Datos personales … Consentimiento y privacidad"). */
export const cardTabIds = ['personal', 'history', 'stats', 'passes', 'promos', 'gallery', 'notes', 'consent'] as const;
export type CardTabId = (typeof cardTabIds)[number];

/** Each tab's name in the address (#/clients/<id>?pestana=historial), in the app's Spanish. */
export const cardTabSlugs: Readonly<Record<CardTabId, string>> = {
  personal: 'datos',
  history: 'historial',
  stats: 'estadisticas',
  passes: 'bonos',
  promos: 'promociones',
  gallery: 'galeria',
  notes: 'notas',
  consent: 'consentimiento',
};

export function tabOfSlug(slug: string | undefined): CardTabId {
  return cardTabIds.find((id) => cardTabSlugs[id] === slug) ?? 'personal';
}

export interface CardTabProps {
  client: Client;
}

/**
 * Each section's component, loaded when its tab is first opened. The card page draws the tabs and
 * their labels (card.tabs.<id>); a section registers itself here with one line, e.g.
 *   stats: lazyTab(() => import('./StatsTab'), 'StatsTab'),
 * Personal data, history, passes and promotions are drawn by the page itself.
 */
export const cardTabs: Partial<Record<CardTabId, ComponentType<CardTabProps>>> = {
  // One line per section, in any order (the page orders them by cardTabIds).
  notes: lazyTab(() => import('./NotesTab'), 'NotesTab'),
  consent: lazyTab(() => import('./ConsentTab'), 'ConsentTab'),
  gallery: lazyTab(() => import('./GalleryTab'), 'GalleryTab'),
  stats: lazyTab(() => import('./StatsTab'), 'StatsTab'),
};

/** A tab's component from its module, loaded on first open. */
export function lazyTab<K extends string>(load: () => Promise<Record<K, ComponentType<CardTabProps>>>, name: K): ComponentType<CardTabProps> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<CardTabProps> }));
}
