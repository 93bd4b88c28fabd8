// Launches Debian's Chromium headless through playwright-core (no browser download), with the
// flags this sandboxed, offline machine needs (playwright gives each launch a fresh profile).
import type { Browser } from 'playwright-core';
import { chromium, selectors } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  // Kibana's convention, which the app follows.
  selectors.setTestIdAttribute('data-test-subj');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
