// Bundles the standalone shell (dev/app_shell/main.tsx) into dev/app_shell/dist/app.js and
// app.css (Elastic Charts' stylesheet; EUI styles itself with Emotion at runtime). ES modules
// with code splitting, so EUI's icons (dynamic imports) load one by one instead of all inline.
// Usage: node dev/app_shell/build.mjs [--dev]   (--dev: no minification, inline source maps)
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const dev = process.argv.includes('--dev');
const outdir = path.join(here, 'dist');
rmSync(outdir, { recursive: true, force: true });

const result = await build({
  entryPoints: { app: path.join(here, 'main.tsx') },
  outdir,
  bundle: true,
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'browser',
  target: 'es2020',
  jsx: 'automatic',
  minify: !dev,
  sourcemap: dev ? 'inline' : false,
  // React and EUI check NODE_ENV to drop development-only code.
  define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
let chunks = 0;
let chunkBytes = 0;
for (const file of Object.keys(result.metafile.outputs)) {
  const size = statSync(file).size;
  if (file.includes('/chunks/')) {
    chunks += 1;
    chunkBytes += size;
  } else {
    console.log(`${path.relative(process.cwd(), file)}: ${kib(size)}`);
  }
}
console.log(`${chunks} lazily loaded chunks (icons and the like): ${kib(chunkBytes)} in all`);
