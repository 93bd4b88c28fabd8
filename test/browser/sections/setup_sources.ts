// The Setup and Sources pages in Chromium, after app.test.ts installed the assets and shipped the
// sample: Setup has one asset table (state and last result in the same rows) and each privilege
// on one line; Sources formats every rate one way and proposes no loopback Elasticsearch URL.
import type { BrowserContext } from './context';

/** What formatRateValue (public/lib/rates.ts) may print. */
const RATE = /^(—|0|< 0\.1|\d{1,3}(,\d{3})*(\.\d{1,2})?)$/;

export function setupSourcesSections(ctx: BrowserContext): void {
  describe('Setup and Sources pages', () => {
    test('Setup lists each asset once, with its state and the last result in the same row', async () => {
      const { page } = ctx;
      await ctx.goto('/setup');
      await page.getByTestId('setup-state').waitFor();
      expect(await page.locator('table').count()).toBe(1);
      const assets = await page.locator('[data-test-subj^="asset-"][data-state]').count();
      expect(assets).toBeGreaterThan(10);

      await page.getByTestId('setup-install').click();
      await page.getByTestId('setup-results').waitFor();
      // The status is read again after the action; still one table, each row with both.
      await page.locator('[data-test-subj="setup-state"][data-state="installed"]').waitFor();
      expect(await page.locator('table').count()).toBe(1);
      expect(
        await page.locator('[data-test-subj^="asset-"][data-state][data-action]').count()
      ).toBe(assets);
      expect(await page.locator('[data-test-subj^="setup-result-"]').count()).toBe(assets);
      expect(await page.locator('[data-action="failed"]').count()).toBe(0);
      // On the local stack the pipelines run on the ingest engine: said once, no failure toast.
      await page.getByTestId('setup-pipelines-on').waitFor();
      expect(await page.locator('.euiToast--danger, .euiToast[color="danger"]').count()).toBe(0);
    });

    test('Settings show the installed retention, apply a change through setup, and keep it on a re-run', async () => {
      const { page, es } = ctx;
      const retention = page.getByTestId('setup-settings-retention');
      const installed = async () => {
        const response = await es.indices.getIndexTemplate({ name: 'logs-netobs.vpcflow' });
        const lifecycle = response.index_templates[0].index_template.template?.lifecycle;
        return lifecycle?.data_retention as string | undefined;
      };
      const before = await installed();
      expect(await retention.inputValue()).toBe(before);
      const apply = page.getByTestId('setup-settings-apply');
      expect(await apply.isDisabled()).toBe(true);

      await retention.fill('6h');
      await page.getByText('Must be at least 24h (1d)').waitFor();
      expect(await apply.isDisabled()).toBe(true);
      // Every button is disabled while a setup runs (React commits the click's state before
      // Playwright's click returns): enabled again means the run finished and status was read.
      const finished = () =>
        page.locator('[data-test-subj="setup-install"]:enabled').waitFor({ timeout: 60_000 });
      await retention.fill('45d');
      await apply.click();
      await finished();
      expect(await installed()).toBe('45d');
      await page.locator('[data-test-subj="setup-state"][data-state="installed"]').waitFor();
      // The form refills from the new status: nothing left to apply.
      await page.locator('[data-test-subj="setup-settings-apply"]:disabled').waitFor();
      expect(await retention.inputValue()).toBe('45d');

      // The install button sends no options: the retention stays.
      await page.getByTestId('setup-install').click();
      await finished();
      expect(await installed()).toBe('45d');

      // Back to what it was, so later sections see the stack as installed by app.test.ts.
      await retention.fill(before ?? '30d');
      await apply.click();
      await finished();
      expect(await installed()).toBe(before ?? '30d');
    });

    test("each privilege's name and state sit on one line", async () => {
      const { page } = ctx;
      const rows = page.locator('[data-test-subj^="privilege-"][data-granted]');
      const count = await rows.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i += 1) {
        const id = await rows.nth(i).getAttribute('data-test-subj');
        const name = await page.getByTestId(`${id}-name`).boundingBox();
        const state = await page.getByTestId(`${id}-state`).boundingBox();
        if (!name || !state) throw new Error(`${id} is not rendered`);
        // Same line: the state starts right of the name, and their tops are within a few pixels
        // (the badge is a little taller than the code; both are centred).
        expect(state.x).toBeGreaterThan(name.x + name.width - 1);
        expect(Math.abs(state.y - name.y)).toBeLessThan(Math.min(name.height, state.height) / 2);
        expect(await page.getByTestId(`${id}-state`).innerText()).toMatch(/^(granted|missing)$/);
      }
    });

    test('Sources formats every rate one way and proposes no loopback Elasticsearch URL', async () => {
      const { page } = ctx;
      await ctx.goto('/sources');
      await page.getByTestId('freshness-vpcflow').waitFor();
      const rates = await page.getByTestId('freshness-rate').allInnerTexts();
      expect(rates.length).toBeGreaterThan(3);
      for (const rate of rates) expect(rate.trim()).toMatch(RATE);
      // The sample was shipped minutes ago: its sources have a rate.
      expect(rates.some((rate) => /^[1-9]/.test(rate.trim()))).toBe(true);

      const sam = await page.getByTestId('deploy-sam').innerText();
      expect(sam).not.toMatch(/127\.0\.0\.1|localhost/);
      await page.getByTestId('deploy-es-url-advice').waitFor();
      expect(await page.getByTestId('deploy-es-url-advice').innerText()).toContain(
        'Elastic Cloud endpoint'
      );
    });
  });
}
