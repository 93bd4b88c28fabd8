// Bundles the netobs CLI (ingest-lambda/src/cli.ts) with esbuild so `npx netobs` works
// right after `npm install`. Runs as the `prepare` script; takes well under a second.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

if (existsSync('ingest-lambda/src/cli.ts')) {
  await build({
    entryPoints: ['ingest-lambda/src/cli.ts'],
    outfile: 'ingest-lambda/dist/cli.js',
    bundle: true,
    platform: 'node',
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning',
  });
}
