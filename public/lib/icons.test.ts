// Every icon the app names exists in the EUI it ships with: an unknown name renders as nothing or
// a broken image, silently.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { typeToPathMap } from '@elastic/eui/lib/components/icon/icon_map';

const ROOT = path.join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory())
      return name === 'node_modules' || name === 'dist' ? [] : sources(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Icon names in `iconType=…`, `iconType: …`, `euiIconType: …`, ternaries included. */
function iconNames(text: string): string[] {
  const props = text.matchAll(/\b(?:iconType|euiIconType)\s*[=:]\s*(\{[^}\n]*\}|"[^"]*"|'[^']*')/g);
  return [...props].flatMap(([, value]) =>
    [...value.matchAll(/['"]([A-Za-z][\w]*)['"]/g)].map((m) => m[1])
  );
}

test('every icon name used in the app exists in EUI', () => {
  const used = new Map<string, string>();
  for (const file of [
    ...sources(path.join(ROOT, 'public')),
    ...sources(path.join(ROOT, 'dev', 'app_shell')),
  ])
    for (const name of iconNames(readFileSync(file, 'utf8')))
      used.set(name, path.relative(ROOT, file));
  expect(used.size).toBeGreaterThan(10);
  const unknown = [...used]
    .filter(([name]) => !(name in typeToPathMap))
    .map(([n, f]) => `${n} (${f})`);
  expect(unknown).toEqual([]);
});

test('the scan finds names in every form the code writes them', () => {
  expect(
    iconNames(
      `<X iconType="copy" /> { iconType: 'gear' } euiIconType: 'globe', iconType={a ? 'table' : 'chartLine'}`
    )
  ).toEqual(['copy', 'gear', 'globe', 'table', 'chartLine']);
});
