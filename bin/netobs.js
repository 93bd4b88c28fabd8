#!/usr/bin/env node
// The netobs CLI. `npm install` bundles it (dev/build_cli.mjs) into ingest-lambda/dist/cli.js.
require('../ingest-lambda/dist/cli.js');
