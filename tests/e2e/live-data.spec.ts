import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import { ClientCardPage } from './pages/client-card-page';
import { ClientsPage } from './pages/clients-page';

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

test('two pages of the browser host: a client created in one appears in the other, and a write from another session shows in both, without a reload', async ({ page, api }) => {
  const pageB = await page.context().newPage();
  const listA = new ClientsPage(page);
  const listB = new ClientsPage(pageB);
  await new AppShell(page).open();
  await new AppShell(pageB).open();
  await new AppShell(page).goTo('clients');
  await new AppShell(pageB).goTo('clients');
  await expect(listA.heading).toBeVisible();
  await expect(listB.heading).toBeVisible();
  await expect(listB.row('Lucía Muñoz')).toHaveCount(0);

  // Page A creates Lucía through the form; page B's list shows her.
  await listA.newClientButton.click();
  const card = new ClientCardPage(page);
  await card.fill({ firstName: 'Lucía', lastName: 'Muñoz', phone: '612 34 56 78' });
  await card.save();
  await expect(card.heading).toHaveText('Lucía Muñoz');
  await expect(listB.row('Lucía Muñoz')).toBeVisible();

  // Another session (the CLI, a sync) writes: both pages follow, and B's open card too.
  await pageB.getByRole('link', { name: 'Lucía Muñoz', exact: true }).click();
  const cardB = new ClientCardPage(pageB);
  await expect(cardB.heading).toHaveText('Lucía Muñoz');
  const lucia = must(await api.invoke('clients.search', { query: 'lucia' })).items[0];
  if (!lucia) throw new Error('Lucía was not saved');
  must(await api.invoke('clients.update', { id: lucia.id, lastName: 'Muñoz Gil' }));
  await expect(card.heading).toHaveText('Lucía Muñoz Gil');
  await expect(cardB.heading).toHaveText('Lucía Muñoz Gil');

  // Both back on the list; a client created elsewhere appears in both.
  await new AppShell(page).goTo('clients');
  await new AppShell(pageB).goTo('clients');
  await expect(listA.row('Lucía Muñoz Gil')).toBeVisible();
  await expect(listB.row('Lucía Muñoz Gil')).toBeVisible();
  must(await api.invoke('clients.create', { firstName: 'Pedro', lastName: 'Sanz', phone: '622 34 56 78' }));
  await expect(listA.row('Pedro Sanz')).toBeVisible();
  await expect(listB.row('Pedro Sanz')).toBeVisible();

  // A write to tables the list did not read leaves it alone; the next one it read refreshes it.
  const asked: string[] = [];
  pageB.on('request', (request) => {
    const body = request.postDataJSON() as { call?: string } | null;
    if (request.url().endsWith('/__host/invoke') && body?.call) asked.push(body.call);
  });
  await pageB.evaluate(() => {
    const w = globalThis as unknown as { told: string[][]; mostrador: { onTablesChanged: (fn: (c: { tables: string[] }) => void) => void } };
    w.told = [];
    w.mostrador.onTablesChanged((change) => w.told.push(change.tables));
  });
  const told = () => pageB.evaluate(() => (globalThis as unknown as { told: string[][] }).told);
  must(await api.invoke('services.create', { name: 'Masaje', durationMin: 45, priceMinor: 3000 }));
  await expect.poll(told).toEqual([expect.arrayContaining(['services'])]);
  must(await api.invoke('clients.create', { firstName: 'Ana', lastName: 'Ruiz', phone: '632 34 56 78' }));
  await expect(listB.row('Ana Ruiz')).toBeVisible();
  expect(asked.filter((c) => c === 'clients.search')).toHaveLength(1);
  await pageB.close();
});
