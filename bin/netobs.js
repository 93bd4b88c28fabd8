#!/usr/bin/env node
// The netobs CLI. `npm install` bundles it (dev/build_cli.mjs) into ingest-lambda/dist/cli.js.
// Node's on-disk compile cache (Node ≥ 22.1) halves the start-up of the 4 MB bundle after the
// first run; NODE_COMPILE_CACHE chooses its directory, NODE_DISABLE_COMPILE_CACHE=1 turns it off.
'use strict';
const [command] = process.argv.slice(2);
// `netobs ship` streams whole objects: on Linux, glibc gives each of libuv's zlib threads its own
// malloc arena, which keeps 15-20 MB more resident at peak (149 against 132 MB side by side on a
// 256 MB object). The limit must be in the environment before Node starts, so ship replaces this
// process (same pid, no second process left behind) with one that has it; about 50 ms, once.
// The Lambda templates set the same variable; a MALLOC_ARENA_MAX you set yourself is kept. Should
// the exec fail, ship runs in this process as it is.
if (
  command === 'ship' &&
  process.platform === 'linux' &&
  process.env.MALLOC_ARENA_MAX === undefined &&
  typeof process.execve === 'function'
) {
  try {
    process.execve(
      process.execPath,
      [process.execPath, ...process.execArgv, ...process.argv.slice(1)],
      { ...process.env, MALLOC_ARENA_MAX: '2' }
    );
  } catch {
    // Not replaced (e.g. a sandbox refuses execve): the same work, with glibc's default arenas.
  }
}
require('node:module').enableCompileCache?.();
require('../ingest-lambda/dist/cli.js')
  .main(process.argv.slice(2))
  .then((code) => process.exit(code));
