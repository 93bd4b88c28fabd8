// `npm run build`. Inside a Kibana checkout (plugins/<dir>), build the plugin zip with Kibana's
// plugin helpers, as the plugin template does. Everywhere: type-check the whole repo and bundle
// the Lambda into ingest-lambda/dist/netobs-forwarder.zip, printing its size.
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { build } from 'esbuild';
import yazl from 'yazl';

const inKibana = existsSync('../../scripts/plugin_helpers.js');
if (inKibana) {
  // plugin-helpers asks for the Kibana version interactively unless it is given.
  const kibanaVersion = process.env.KIBANA_VERSION;
  if (!kibanaVersion) {
    console.error(
      'Set KIBANA_VERSION (e.g. KIBANA_VERSION=9.2.0 npm run build) inside a Kibana checkout.'
    );
    process.exit(2);
  }
  console.log(`Kibana checkout found: building the plugin for Kibana ${kibanaVersion}…`);
  execFileSync(
    'node',
    ['../../scripts/plugin_helpers', 'build', '--kibana-version', kibanaVersion],
    {
      stdio: 'inherit',
    }
  );
}

console.log('Type-checking…');
execFileSync('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'], { stdio: 'inherit' });

console.log('Bundling the Lambda and the CLI…');
await build({
  entryPoints: { handler: 'ingest-lambda/src/handler.ts', cli: 'ingest-lambda/src/cli.ts' },
  outdir: 'ingest-lambda/dist',
  bundle: true,
  platform: 'node',
  target: 'node22',
  minify: true,
  sourcemap: 'external',
  // The Lambda Node.js runtime ships AWS SDK v3, but we bundle our own pinned copy so the
  // function behaves the same as the tested code.
  logLevel: 'warning',
});

const zipPath = 'ingest-lambda/dist/netobs-forwarder.zip';
await new Promise((resolve, reject) => {
  const zip = new yazl.ZipFile();
  zip.addFile('ingest-lambda/dist/handler.js', 'index.js');
  zip.outputStream.pipe(createWriteStream(zipPath)).on('close', resolve).on('error', reject);
  zip.end();
});
const size = statSync(zipPath).size;
console.log(`Lambda package: ${zipPath} (${(size / 1024).toFixed(0)} KiB), handler index.handler`);
