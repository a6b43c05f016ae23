import type { ApiHost } from '../../src-main/api/open-api';
import { es } from '../../src-renderer/i18n/es';
import { errorMessage } from '../../src-shared/i18n/errors';
import { conflictMessage } from '../../src-shared/i18n/sync-conflicts';
import { dayFromToday } from '../helpers/agenda-fixtures';
import { openSyncedDesk } from '../helpers/sync-desks';
import { ClientCardPage } from './pages/client-card-page';
import { OccurrencePanel } from './pages/occurrence-panel';
import { SyncScreens } from './pages/sync-settings';
import { expect, noPostgresMessage, postgresAvailable, serverRowsOf, test } from './sync-cloud';

/**
 * Sync as a receptionist sees it, against the real sync server on a real, throwaway PostgreSQL:
 * Ajustes › Sincronización, the top bar's status and its panel, "Pendiente de confirmar", and the
 * conflicts list when another desk took the last place first.
 */
test.skip(!postgresAvailable, noPostgresMessage);

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** Waits until the desk's own sync says it is synced (the cycle after a change runs in the background). */
async function waitSynced(api: ApiHost): Promise<void> {
  await expect.poll(async () => must(await api.invoke('sync.status', {})).state, { timeout: 15_000 }).toBe('synced');
}

test('Ajustes › Sincronización: each field says what is wrong, "Probar conexión" names the centre, and the top bar shows synced', async ({ page, cloud }) => {
  const key = await cloud.newDeskKey('Recepción');
  const sync = new SyncScreens(page);
  await sync.open();

  // Off by default: the desk works alone and the top bar says nothing of sync.
  await expect(sync.enabled).not.toBeChecked();
  await expect(sync.indicator).toHaveCount(0);

  // Turning it on with nothing typed: both fields say what they need, at once.
  await sync.enabled.check();
  await sync.save.click();
  await sync.expectFieldError(sync.endpoint, es.sync.endpointRequired);
  await sync.expectFieldError(sync.key, es.sync.keyRequired);

  // An address that is neither https nor this machine's.
  await sync.endpoint.fill('ftp://servidor.example');
  await sync.expectNoFieldError(sync.endpoint);
  await sync.test.click();
  await sync.expectFieldError(sync.endpoint, es.sync.endpointInvalid);
  await sync.expectFieldError(sync.key, es.sync.keyRequired);

  // Nothing answers at the address: the error is the address's.
  await sync.endpoint.fill('http://127.0.0.1:9');
  await sync.key.fill(key);
  await sync.test.click();
  await sync.expectFieldError(sync.endpoint, errorMessage('es', 'sync_unreachable'));
  await sync.expectNoFieldError(sync.key);

  // The server answers but does not know the key: the error is the key's.
  const wrongKey = `${key.slice(0, -4)}${key.endsWith('0000') ? '1111' : '0000'}`;
  await sync.endpoint.fill(cloud.url);
  await sync.key.fill(wrongKey);
  await sync.test.click();
  await sync.expectFieldError(sync.key, errorMessage('es', 'sync_unauthorized'));
  await sync.expectNoFieldError(sync.endpoint);
  await expect(sync.connected).toHaveText('');

  // The right key: the test names the centre; saved, the top bar shows the desk synced.
  await sync.key.fill(key);
  await sync.expectNoFieldError(sync.key);
  await sync.test.click();
  await expect(sync.connected).toHaveText(es.sync.connected.replace('{{centre}}', cloud.centreName));
  await sync.save.click();
  await expect(page.getByText(es.sync.saved)).toBeVisible();
  await sync.expectState(es.sync.state.synced);
  await expect(sync.enabled).toBeChecked();
  await expect(sync.key).toHaveValue('');
  await expect(sync.key).toHaveAttribute('placeholder', es.sync.keySetPlaceholder);

  // The panel: the centre, the last sync, no error, no conflicts.
  await sync.openPanel();
  await expect(sync.panel).toContainText(es.sync.centre.replace('{{centre}}', cloud.centreName));
  await expect(sync.panel).toContainText(/Última sincronización: /);
  await expect(sync.panel).toContainText(es.sync.noOpenConflicts);
  await expect(sync.panel).not.toContainText(/Último error/);

  // A reload reads the settings back: on, the same address, a key kept (never shown).
  await page.reload();
  await sync.section.waitFor();
  await expect(sync.endpoint).toHaveValue(cloud.url);
  await expect(sync.enabled).toBeChecked();
  await sync.expectState(es.sync.state.synced);

  // Turning it off hides the status again.
  await sync.enabled.uncheck();
  await sync.save.click();
  await expect(sync.indicator).toHaveCount(0);
});

test('a change made while the server is down waits, the top bar says so, and it uploads when the server is back', async ({ page, api, cloud }) => {
  must(await api.invoke('sync.configure', { endpoint: cloud.url, key: await cloud.newDeskKey('Recepción'), enabled: true }));
  await waitSynced(api);
  const sync = new SyncScreens(page);
  const card = new ClientCardPage(page);
  await page.goto('/#/clients/new');
  await sync.expectState(es.sync.state.synced);

  await cloud.stop();
  await card.fill({ firstName: 'Nerea', lastName: 'Offline', phone: '611 22 33 44' });
  await card.save();
  await expect(card.heading).toHaveText('Nerea Offline');

  // The desk keeps working; the top bar says since when it cannot reach the server, and how much waits.
  await sync.expectState(/Sin conexión desde \d{1,2}:\d{2} · \d+ cambios? pendientes?$/);
  await sync.openPanel();
  await expect(sync.panel.getByText(errorMessage('es', 'sync_unreachable'))).toBeVisible();
  await expect(sync.panel).toContainText(/Último error \(/);
  expect((await serverRowsOf(cloud, 'clients')).map((c) => c.first_name)).not.toContain('Nerea');

  // "Sincronizar ahora" while it is still down: still offline, nothing lost.
  await sync.syncNow.click();
  await expect(sync.syncNow).toBeEnabled();
  await sync.expectState(/Sin conexión desde /);

  // Back: "Sincronizar ahora" uploads it (the desk would also retry by itself).
  await cloud.start();
  await sync.openPanel();
  await sync.syncNow.click();
  await sync.expectState(es.sync.state.synced);
  await expect(sync.panel).not.toContainText(/Último error/);
  await expect.poll(async () => (await serverRowsOf(cloud, 'clients')).map((c) => c.first_name)).toContain('Nerea');
});

test('another desk takes the last place first: the booking made offline is "Pendiente de confirmar", then a conflict with its next steps', async ({ page, api, cloud }) => {
  const ana = must(await api.invoke('staff.create', { name: 'Ana Profe', role: 'professional' }));
  const lucia = must(await api.invoke('clients.create', { firstName: 'Lucía', lastName: 'Muñoz', phone: '612 34 56 78' })).client;
  const pedro = must(await api.invoke('clients.create', { firstName: 'Pedro', lastName: 'Sanz', phone: '622 34 56 78' })).client;
  const date = dayFromToday(7);
  const { series } = must(await api.invoke('series.create', { title: 'Yoga', organizerId: ana.id, startDate: date, startTime: '10:00', durationMin: 60, places: 1 }));
  const occurrenceId = (api.database.sqlite.prepare('SELECT id FROM occurrences WHERE series_id = ?').pluck().get(series.id) as string | undefined) ?? '';
  expect(occurrenceId).not.toBe('');
  must(await api.invoke('sync.configure', { endpoint: cloud.url, key: await cloud.newDeskKey('Recepción 1'), enabled: true }));
  await waitSynced(api);

  // The second desk (its own database) downloads the centre and books Pedro into the only place.
  const other = await openSyncedDesk({ url: cloud.url, key: await cloud.newDeskKey('Recepción 2') }, 'Recepción 2');
  try {
    await other.sync();
    expect((await other.call('sync.status', {})).state).toBe('synced');
    await other.call('sessions.book', { occurrenceId, clientId: pedro.id });
    await other.sync();
    expect((await other.call('sync.status', {})).state).toBe('synced');
    expect((await serverRowsOf(cloud, 'bookings')).map((b) => b.client_id)).toEqual([pedro.id]);
  } finally {
    await other.close();
  }

  // This desk has not downloaded that yet, and now cannot: it books Lucía into what it sees as a free place.
  await cloud.stop();
  const sync = new SyncScreens(page);
  const panel = new OccurrencePanel(page, 'Yoga');
  await page.goto(`/#/agenda?sesion=${occurrenceId}`);
  await expect(panel.panel).toBeVisible();
  await panel.book('Lucía', 'Lucía Muñoz');
  await expect(panel.booking('Lucía Muñoz')).toBeVisible();
  await expect(panel.booking('Lucía Muñoz').getByText(es.sync.provisional, { exact: true })).toBeVisible();
  await sync.expectState(/Sin conexión desde .* · \d+ cambios? pendientes?$/);

  // The server is back: the upload is refused (Pedro got there first), the booking is undone here too.
  await cloud.start();
  await sync.openPanel();
  await sync.syncNow.click();
  await expect(sync.panel).toContainText(es.sync.openConflicts_one.replace('{{count}}', '1'));
  await expect(sync.indicator).toHaveAccessibleName(`Sincronización: ${es.sync.state.synced} · ${es.sync.openConflicts_one.replace('{{count}}', '1')}`);
  await expect(panel.booking('Pedro Sanz')).toBeVisible();
  await expect(panel.booking('Lucía Muñoz')).toHaveCount(0);
  await expect(page.getByText(es.sync.provisional, { exact: true })).toHaveCount(0);
  await panel.close();

  // The conflicts list: what it was, why, when, and what to do next.
  await sync.openPanel();
  await sync.panel.getByRole('button', { name: es.sync.showConflicts }).click();
  await expect(sync.conflicts).toBeVisible();
  // The host's "2026-12-14 10:00" is said as a date the desk reads.
  const longDate = new Intl.DateTimeFormat('es', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
  const summary = `Yoga · ${longDate}, 10:00 · Lucía Muñoz`;
  const conflict = sync.conflict(summary);
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(conflictMessage('es', 'place_taken'));
  await expect(conflict).toContainText(es.sync.conflicts.creditReturned);
  await expect(conflict.getByRole('link', { name: es.sync.conflicts.waitlist })).toHaveAttribute('href', `#/agenda?sesion=${occurrenceId}`);
  await expect(conflict.getByRole('link', { name: es.sync.conflicts.anotherTime })).toHaveAttribute('href', '#/agenda');
  await expect(conflict.getByRole('link', { name: es.sync.conflicts.openClient })).toHaveAttribute('href', `#/clients/${lucia.id}`);

  // "Apuntar en la lista de espera" opens the session, where Lucía joins the waitlist.
  await conflict.getByRole('link', { name: es.sync.conflicts.waitlist }).click();
  await expect(sync.conflicts).toBeHidden();
  await expect(panel.panel).toBeVisible();
  await panel.book('Lucía', 'Lucía Muñoz');
  await expect(panel.waitlist.getByRole('listitem', { name: /Lucía Muñoz/ })).toBeVisible();

  // Dealt with: "Hecho" takes it off the list and the top bar.
  await panel.close();
  await sync.openPanel();
  await sync.panel.getByRole('button', { name: es.sync.showConflicts }).click();
  await sync.conflicts.getByRole('button', { name: es.sync.conflicts.doneFor.replace('{{summary}}', summary) }).click();
  await expect(page.getByText(es.sync.conflicts.dismissed)).toBeVisible();
  await expect(sync.conflicts).toContainText(es.sync.conflicts.empty);
  await sync.conflicts.getByRole('button', { name: es.sync.conflicts.close }).click();
  await sync.expectState(es.sync.state.synced);
  expect(must(await api.invoke('sync.conflicts', {}))).toEqual([]);
  expect(must(await api.invoke('sync.conflicts', { includeDismissed: true })).map((c) => c.reason)).toEqual(['place_taken']);
});
