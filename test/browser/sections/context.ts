// What the browser suite (../app.test.ts) hands each section: a real Elasticsearch holding the
// installed assets and the sample shipped through the forwarder, the app served over it, and
// one Chromium page. Sections are functions that declare jest tests; app.test.ts calls them
// after its own tests, in order.
import type { Client } from '@elastic/elasticsearch';
import type { Page } from 'playwright-core';

export interface BrowserContext {
  es: Client;
  page: Page;
  appUrl: string;
  /** Navigates the page to a path of the app, e.g. `/overview/vpcflow?...`. */
  goto(route: string): Promise<void>;
  /** Saves a full-page screenshot as test/screenshots/<name>.png (README images). */
  shot(name: string): Promise<void>;
}
