import { es } from '../../src-renderer/i18n/es';
import { dayFromToday } from '../helpers/agenda-fixtures';
import { expect, test } from './fixtures';
import { AppointmentDialog } from './pages/appointment-dialog';
import { OccurrencePanel } from './pages/occurrence-panel';

const r = es.restrictions;

function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

test('the booking box shows who is blacklisted, lacks the tags or has no valid pass before the click, and books past the tags with a recorded reason', async ({ page, api }) => {
  const ana = must(await api.invoke('staff.create', { name: 'Ana Ruiz', role: 'professional' }));
  const pilates = must(await api.invoke('sessionTypes.create', { name: 'Pilates', colour: '#3d85c6', defaultDurationMin: 60, defaultPlaces: 8 }));
  const vip = must(await api.invoke('tags.create', { name: 'VIP' }));
  const bono = must(await api.invoke('passProducts.create', { name: 'Bono 10', credits: 10, sessionTypeIds: [pilates.id], serviceIds: [], validity: { kind: 'days', days: 90 }, priceMinor: 8000 }));
  const lucia = must(await api.invoke('clients.create', { firstName: 'Lucía', lastName: 'Pérez', phone: '612 34 56 78' })).client;
  must(await api.invoke('clients.create', { firstName: 'Luisa', lastName: 'Pardo', phone: '612 34 56 79' }));
  const lupe = must(await api.invoke('clients.create', { firstName: 'Lupe', lastName: 'Prado' })).client;
  must(await api.invoke('clients.addTag', { clientId: lucia.id, tagId: vip.id }));
  must(await api.invoke('checkout.commit', { clientId: lucia.id, lines: [{ kind: 'pass', passProductId: bono.id }], payments: [{ method: 'cash', amountMinor: 8000 }] }));
  must(await api.invoke('clients.setBlacklist', { id: lupe.id, blacklisted: true, reason: 'Impagos' }));
  const day = dayFromToday(3);
  const { series } = must(
    await api.invoke('series.create', {
      title: 'Pilates VIP',
      organizerId: ana.id,
      sessionTypeId: pilates.id,
      startDate: day,
      startTime: '10:00',
      durationMin: 60,
      places: 8,
      attendanceMode: 'tags',
      tagIds: [vip.id],
      redeemableWithPasses: true,
    }),
  );
  const occurrence = must(await api.invoke('agenda.range', { from: day, to: day })).occurrences.find((o) => o.seriesId === series.id)!;

  await page.goto(`/#/agenda?sesion=${occurrence.id}`);
  const panel = new OccurrencePanel(page, 'Pilates VIP');
  await panel.panel.getByRole('searchbox', { name: es.occurrence.bookSearch }).fill('Lu');
  const results = panel.panel.getByRole('list', { name: es.occurrence.bookResults });
  const row = (name: string) => results.getByRole('listitem').filter({ hasText: name });

  // Before any click: each client's restrictions beside their name.
  await expect(row('Lucía Pérez')).not.toContainText(r.noPass);
  await expect(row('Lucía Pérez').locator('.badge')).toHaveCount(0);
  await expect(row('Luisa Pardo')).toContainText(r.lacksTagsAll.replace('{{tags}}', 'VIP'));
  await expect(row('Luisa Pardo')).toContainText(r.noPass);
  await expect(row('Lupe Prado')).toContainText(r.blacklisted);

  // Blacklisted: the button says so and does nothing.
  const lupeButton = row('Lupe Prado').getByRole('button', { name: 'Reservar a Lupe Prado' });
  await expect(lupeButton).toHaveAttribute('aria-disabled', 'true');
  await lupeButton.dispatchEvent('click');
  await expect(page.getByRole('dialog', { name: r.overrideTitle.replace('{{name}}', 'Lupe Prado') })).toHaveCount(0);

  // Lacking the tags and a pass: the desk books anyway, with a reason (required), the credit left pending.
  await row('Luisa Pardo').getByRole('button', { name: 'Reservar a Luisa Pardo' }).click();
  const override = page.getByRole('dialog', { name: r.overrideTitle.replace('{{name}}', 'Luisa Pardo') });
  await expect(override).toContainText(r.overrideTags.replace('{{name}}', 'Luisa Pardo'));
  await expect(override).toContainText(r.overrideNoPass.replace('{{name}}', 'Luisa Pardo'));
  await override.getByRole('button', { name: r.overrideConfirm }).click();
  await expect(override.getByRole('textbox', { name: r.overrideReason })).toHaveAccessibleDescription(r.overrideReasonRequired);
  await override.getByRole('textbox', { name: r.overrideReason }).fill('Clase de prueba');
  await override.getByRole('button', { name: r.overrideConfirm }).click();
  await expect(override).toBeHidden();
  await expect(panel.booking('Luisa Pardo')).toBeVisible();

  // Lucía meets every rule: booked in one click, her credit spent.
  await panel.panel.getByRole('searchbox', { name: es.occurrence.bookSearch }).fill('Lucía');
  await row('Lucía Pérez').getByRole('button', { name: 'Reservar a Lucía Pérez' }).click();
  await expect(panel.booking('Lucía Pérez')).toBeVisible();

  // Three days ahead: attendance is not offered yet, and the panel says from when (the check-in window).
  await expect(panel.panel.getByRole('button', { name: 'Marcar que Lucía Pérez asistió' })).toHaveCount(0);
  await expect(panel.panel).toContainText(/La asistencia se marca desde el .+ \(la ventana de check-in\)\./);

  const detail = must(await api.invoke('sessions.get', { occurrenceId: occurrence.id }));
  expect(detail.bookings.map((b) => [b.clientName, b.creditState]).sort()).toEqual([
    ['Lucía Pérez', 'redeemed'],
    ['Luisa Pardo', 'pending'],
  ]);
});

test('the appointment client picker marks a blacklisted client and will not choose them', async ({ page, api }) => {
  must(await api.invoke('staff.create', { name: 'Ana Ruiz', role: 'professional' }));
  const lupe = must(await api.invoke('clients.create', { firstName: 'Lupe', lastName: 'Prado' })).client;
  must(await api.invoke('clients.setBlacklist', { id: lupe.id, blacklisted: true, reason: 'Impagos' }));
  await page.goto('/#/agenda?vista=equipo');
  await page.getByRole('button', { name: 'Agendar cita con Ana Ruiz' }).click();
  const dialog = new AppointmentDialog(page);
  await dialog.dialog.getByRole('searchbox', { name: es.appointments.clientSearch }).fill('Lupe');
  await expect(dialog.dialog.getByRole('list', { name: es.appointments.clientResults })).toContainText(es.card.blacklistBadge);
  const choose = dialog.dialog.getByRole('button', { name: es.appointments.chooseClientFor.replace('{{name}}', 'Lupe Prado') });
  await expect(choose).toHaveAttribute('aria-disabled', 'true');
  await choose.dispatchEvent('click');
  await expect(dialog.dialog.getByRole('searchbox', { name: es.appointments.clientSearch })).toBeVisible();
});
