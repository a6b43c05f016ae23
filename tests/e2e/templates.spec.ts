import type { Page } from '@playwright/test';
import type { ApiHost } from '../../src-main/api/open-api';
import { es } from '../../src-renderer/i18n/es';
import { dayFromToday } from '../helpers/agenda-fixtures';
import { expect, test } from './fixtures';
import { OccurrencePanel } from './pages/occurrence-panel';

/** Issue 12, items 7 and 4: message templates edited in Ajustes, and "Ofrecer la plaza" on the waitlist. */

test.use({ viewport: { width: 1366, height: 768 } });

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** The web host opens WhatsApp with window.open: record the addresses instead. */
async function recordOpened(page: Page): Promise<() => Promise<string[]>> {
  type Recording = { __opened: string[]; open: (url?: unknown) => null };
  await page.addInitScript(() => {
    const target = globalThis as unknown as Recording;
    const opened: string[] = [];
    target.__opened = opened;
    target.open = (url?: unknown) => {
      opened.push(String(url));
      return null;
    };
  });
  return () => page.evaluate(() => (globalThis as unknown as Recording).__opened);
}

/** A one-place session tomorrow at 10:00 with Lucía booked and Marta waiting. */
async function fullSession(api: ApiHost) {
  must(await api.invoke('settings.update', { name: 'Estudio Alma' }));
  const paula = must(await api.invoke('staff.create', { name: 'Paula Yoga', role: 'professional' }));
  const day = dayFromToday(1);
  const { series } = must(await api.invoke('series.create', { title: 'Pilates', organizerId: paula.id, startDate: day, startTime: '10:00', durationMin: 60, places: 1 }));
  const occurrence = must(await api.invoke('agenda.range', { from: day, to: day })).occurrences.find((x) => x.seriesId === series.id)!;
  const lucia = must(await api.invoke('clients.create', { firstName: 'Lucía', lastName: 'Muñoz', phone: '612 34 56 78' })).client;
  const marta = must(await api.invoke('clients.create', { firstName: 'Marta', lastName: 'Gil', phone: '622 11 22 33' })).client;
  must(await api.invoke('sessions.book', { occurrenceId: occurrence.id, clientId: lucia.id }));
  const waiting = must(await api.invoke('sessions.book', { occurrenceId: occurrence.id, clientId: marta.id }));
  expect(waiting.status).toBe('waitlisted');
  return { occurrence, waiting };
}

test('a template edited in Ajustes › Mensajes is previewed filled in, and the WhatsApp button carries it', async ({ page, api }) => {
  const opened = await recordOpened(page);
  const { occurrence } = await fullSession(api);

  await page.goto('/#/settings');
  const section = page.getByRole('region', { name: es.templates.title, exact: true });
  await section.getByLabel(es.templates.kind, { exact: true }).selectOption('booking_confirmed');
  const body = section.getByLabel(es.templates.body, { exact: true });
  await expect(body).toHaveValue(/\{cliente\}/);
  await body.fill('¡Confirmado, {cliente}! {servicio} el {fecha} a las {hora}. {centro}');
  await expect(section.getByTestId('template-preview')).toContainText('¡Confirmado, Ana Ruiz! Pilates el');
  await expect(section.getByTestId('template-preview')).toContainText('a las 10:00. Estudio Alma');
  await section.getByRole('button', { name: es.templates.save }).click();
  await expect.poll(async () => must(await api.invoke('templates.list', {})).find((t) => t.kind === 'booking_confirmed' && t.language === 'es')?.edited).toBe(true);

  await page.goto(`/#/agenda?sesion=${occurrence.id}`);
  const panel = new OccurrencePanel(page, 'Pilates');
  await panel.booking('Lucía Muñoz').getByRole('button', { name: 'Escribir a Lucía Muñoz por WhatsApp' }).click();
  await expect.poll(opened).toHaveLength(1);
  const url = new URL((await opened())[0]!);
  expect(url.hostname).toBe('wa.me');
  expect(url.pathname).toBe('/34612345678');
  expect(url.searchParams.get('text')).toMatch(/^¡Confirmado, Lucía Muñoz! Pilates el .+ a las 10:00\. Estudio Alma$/);
});

test('"Ofrecer la plaza": on a full session it sends the place-freed text and marks the client offered; with a place free it books them', async ({ page, api }) => {
  const opened = await recordOpened(page);
  const { occurrence, waiting } = await fullSession(api);

  await page.goto(`/#/agenda?sesion=${occurrence.id}`);
  const panel = new OccurrencePanel(page, 'Pilates');
  await expect(panel.panel.getByRole('heading', { name: 'Lista de espera (1)' })).toBeVisible();
  const marta = panel.waitlist.getByRole('listitem', { name: 'Marta Gil' });
  await marta.getByRole('button', { name: 'Ofrecer la plaza a Marta Gil' }).click();
  await expect.poll(opened).toHaveLength(1);
  const text = new URL((await opened())[0]!).searchParams.get('text');
  expect(text).toMatch(/^Hola Marta Gil, se ha liberado una plaza en Pilates el .+ a las 10:00\./);
  await expect(marta.getByText(/^ofrecida /)).toBeVisible();
  expect(must(await api.invoke('sessions.get', { occurrenceId: occurrence.id })).waitlist[0]).toMatchObject({ id: waiting.id, offeredAt: expect.any(String) });

  // Lucía cancels: the place is free, the offer books Marta in one click.
  await panel.cancelBooking('Lucía Muñoz');
  await marta.getByRole('button', { name: 'Ofrecer la plaza a Marta Gil' }).click();
  await expect(panel.booking('Marta Gil')).toBeVisible();
  expect(must(await api.invoke('sessions.get', { occurrenceId: occurrence.id })).bookings.map((b) => [b.clientName, b.status])).toEqual([['Marta Gil', 'booked']]);
  expect(await opened()).toHaveLength(1);
});
