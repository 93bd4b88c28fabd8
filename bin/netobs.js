#!/usr/bin/env node
// The netobs CLI. `npm install` bundles it (dev/build_cli.mjs) into ingest-lambda/dist/cli.js.
require('../ingest-lambda/dist/cli.js')
  .main(process.argv.slice(2))
  .then((code) => process.exit(code));
