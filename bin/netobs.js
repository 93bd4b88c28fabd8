#!/usr/bin/env node
// The netobs CLI. `npm install` bundles it (dev/build_cli.mjs) into ingest-lambda/dist/cli.js.
// Node's on-disk compile cache (Node ≥ 22.1) halves the start-up of the 4 MB bundle after the
// first run; NODE_COMPILE_CACHE chooses its directory, NODE_DISABLE_COMPILE_CACHE=1 turns it off.
require('node:module').enableCompileCache?.();
require('../ingest-lambda/dist/cli.js')
  .main(process.argv.slice(2))
  .then((code) => process.exit(code));
