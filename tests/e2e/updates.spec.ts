import { errorMessages } from '../../src-shared/i18n/errors';
import { es } from '../../src-renderer/i18n/es';
import { expect, test } from './fixtures';
import { UpdatesSettings } from './pages/updates-settings';

test('Ajustes › Actualizaciones refuses an http:// feed beside the field, then saves an https one with its channel', async ({ page, api }) => {
  const updates = new UpdatesSettings(page);
  await updates.open();

  // The browser host has no updater: the state says so and there is nothing to check.
  await expect(updates.state).toHaveText(es.updates.state.unavailable['no-updater']);
  await expect(updates.checkNow).toBeDisabled();

  await updates.saveFeed('http://updates.example/mostrador/', 'latest');
  const refusal = updates.section.locator('#settings-update-url-error');
  await expect(refusal).toHaveText(errorMessages.es.update_url_https);
  await expect(updates.url).toHaveAttribute('aria-invalid', 'true');
  await expect(updates.url).toHaveAttribute('aria-describedby', /settings-update-url-error/);
  expect(await api.invoke('updates.state', {})).toMatchObject({ ok: true, value: { feed: { url: null } } });

  await updates.saveFeed('https://updates.example/mostrador/', 'beta');
  await expect(page.getByText(es.updates.saved)).toBeVisible();
  await expect(refusal).toHaveCount(0);
  await expect(updates.url).not.toHaveAttribute('aria-invalid', 'true');
  expect(await api.invoke('updates.state', {})).toMatchObject({ ok: true, value: { feed: { url: 'https://updates.example/mostrador/', channel: 'beta' } } });

  // Stored for this desk: a new page shows it.
  await page.reload();
  await updates.section.waitFor();
  await expect(updates.url).toHaveValue('https://updates.example/mostrador/');
  await expect(updates.channel).toHaveValue('beta');
});
