import type { Locator, Page } from '@playwright/test';
import { es } from '../../../src-renderer/i18n/es';

/** The frame around every screen: the sidebar and the top bar's global client search. */
export class AppShell {
  readonly searchBox: Locator;
  readonly searchResults: Locator;

  constructor(readonly page: Page) {
    this.searchBox = page.getByRole('combobox', { name: es.search.label });
    this.searchResults = page.getByRole('listbox', { name: es.search.results });
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await this.searchBox.waitFor();
  }

  async goTo(section: 'agenda' | 'clients' | 'checkout' | 'settings'): Promise<void> {
    await this.page.getByRole('navigation', { name: es.nav.main }).getByRole('link', { name: es.nav[section], exact: true }).click();
  }

  /** Focuses the search with a keyboard shortcut (from anywhere) and types like a receptionist. */
  async search(text: string, shortcut: 'Control+K' | '/' = 'Control+K'): Promise<void> {
    await this.page.keyboard.press(shortcut);
    await this.searchBox.pressSequentially(text, { delay: 30 });
  }

  resultFor(name: string | RegExp): Locator {
    return this.searchResults.getByRole('option', { name });
  }

  noResults(): Locator {
    return this.page.locator('.search-dropdown').getByText(/Ningún cliente coincide/);
  }

  async clearSearch(): Promise<void> {
    await this.searchBox.fill('');
    await this.searchBox.press('Escape');
  }
}
