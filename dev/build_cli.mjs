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
    // Whitespace and comments out: the bundle's source stays in memory as a string for the
    // process's lifetime (4.6 MB, held as UTF-16 because of non-ASCII comments in dependencies:
    // 8.7 MB of heap); names are kept, so stack traces still read.
    minifyWhitespace: true,
    charset: 'ascii',
    legalComments: 'external',
    logLevel: 'warning',
  });
}
