// Generates kql_parser.generated.js from kql.peggy: `node common/kql/build_parser.mjs`.
// The generated file is committed; a unit test fails when it no longer matches the grammar.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import peggy from 'peggy';

const dir = path.dirname(fileURLToPath(import.meta.url));

export function generate() {
  const grammar = readFileSync(path.join(dir, 'kql.peggy'), 'utf8');
  return (
    '// Generated from kql.peggy by build_parser.mjs: do not edit.\n' +
    peggy.generate(grammar, { output: 'source', format: 'commonjs', grammarSource: 'kql.peggy' })
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(path.join(dir, 'kql_parser.generated.js'), generate());
  console.log('wrote common/kql/kql_parser.generated.js');
}
