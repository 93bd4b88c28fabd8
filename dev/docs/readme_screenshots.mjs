// Copies the pictures the browser suite saved (test/screenshots/, not tracked) to the names the
// README shows (docs/screenshots/). Run after `npx jest test/browser --selectProjects
// integration`: `node dev/docs/readme_screenshots.mjs`. A missing picture is an error, so the
// README never shows a stale one by accident.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FROM = path.join(ROOT, 'test', 'screenshots');
const TO = path.join(ROOT, 'docs', 'screenshots');

/** README picture ← browser-suite picture. */
export const README_SCREENSHOTS = {
  'overview.png': 'overview-vpc.png',
  'alb.png': 'overview-alb.png',
  'queries.png': 'queries.png',
  'setup.png': 'setup.png',
  'sources.png': 'sources.png',
  'empty-state.png': 'empty-state.png',
  'drill-down.png': 'overview-drill-down.png',
  'query-refused.png': 'query-refused.png',
  'troubleshoot.png': 'troubleshoot.png',
  'scans.png': 'scans.png',
  'spikes.png': 'overview-spikes.png',
  'detections.png': 'detections.png',
  'detections-finding.png': 'detections-finding.png',
};

const missing = Object.values(README_SCREENSHOTS).filter(
  (name) => !existsSync(path.join(FROM, name))
);
if (missing.length > 0) {
  console.error(`Run the browser suite first; missing in test/screenshots: ${missing.join(', ')}`);
  process.exit(1);
}
mkdirSync(TO, { recursive: true });
for (const [readme, shot] of Object.entries(README_SCREENSHOTS)) {
  copyFileSync(path.join(FROM, shot), path.join(TO, readme));
}
console.log(`Copied ${Object.keys(README_SCREENSHOTS).length} screenshots to docs/screenshots/`);
