// Builds build/<id>-<kibanaVersion>.zip, the archive `bin/kibana-plugin install` takes, without a
// Kibana checkout. Kibana is not on npm, so @kbn/plugin-helpers cannot run here; this script
// builds the tree plugin-helpers builds, by the same rules, read from the Kibana source:
//   packages/kbn-plugin-helpers/src/cli.ts                  task order; never prompts here
//   packages/kbn-plugin-helpers/src/config.ts               .kibana-plugin-helpers.json
//   packages/kbn-plugin-helpers/src/tasks/write_server_files.ts  patterns, ignores, kibana.json
//   packages/kbn-plugin-helpers/src/tasks/optimize.ts       bundle targets 'public' and 'common'
//   packages/kbn-optimizer/src/worker/webpack.config.ts     target/public/<id>.plugin.js
//   packages/kbn-optimizer/src/worker/entry_point_creator.ts  __kbnBundles__.define(...)
//   packages/kbn-optimizer/src/worker/bundle_remotes_plugin.ts  @kbn/core/public at run time
//   src/platform/packages/private/kbn-ui-shared-deps-src/src/definitions.js  shared deps
//   packages/kbn-plugin-helpers/src/tasks/{brotli_compress_bundles,write_public_assets,create_archive}.ts
// Usage: node dev/plugin_build/build_plugin.mjs --kibana-version 9.2.0 [--out-dir <dir>]
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { build, transform } from 'esbuild';
import yazl from 'yazl';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// `kibana-plugin install` compares kibanaVersion with its own version down to the patch, so a
// zip is for one exact version. 'kibana' (what kibana.json says) is where plugin-helpers prompts.
const VERSION_RE = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

// The externals of Kibana's optimizer, copied from
// src/platform/packages/private/kbn-ui-shared-deps-src/src/definitions.js (elastic/kibana at
// 30c537ac53d683e5db8a668e3dde96b10be1f5bc, a 9.x). The list changes between Kibana versions,
// so the build prints the ones the plugin uses: check them against the target version's file.
const SHARED_DEPS = {
  '@kbn/ui-theme': '__kbnSharedDeps__.KbnUiTheme',
  '@kbn/i18n': '__kbnSharedDeps__.KbnI18n',
  '@kbn/i18n-react': '__kbnSharedDeps__.KbnI18nReact',
  '@emotion/cache': '__kbnSharedDeps__.EmotionCache',
  '@emotion/react': '__kbnSharedDeps__.EmotionReact',
  jquery: '__kbnSharedDeps__.Jquery',
  moment: '__kbnSharedDeps__.Moment',
  'moment-timezone': '__kbnSharedDeps__.MomentTimezone',
  react: '__kbnSharedDeps__.React',
  'react-dom': '__kbnSharedDeps__.ReactDom',
  'react-dom/server': '__kbnSharedDeps__.ReactDomServer',
  'react-router': '__kbnSharedDeps__.ReactRouter',
  'react-router-dom': '__kbnSharedDeps__.ReactRouterDom',
  'react-router-dom-v5-compat': '__kbnSharedDeps__.ReactRouterDomV5Compat',
  'styled-components': '__kbnSharedDeps__.StyledComponents',
  '@kbn/monaco': '__kbnSharedDeps__.KbnMonaco',
  'monaco-editor/esm/vs/editor/editor.api': '__kbnSharedDeps__.MonacoBarePluginApi',
  'io-ts': '__kbnSharedDeps__.IoTs',
  '@reduxjs/toolkit': '__kbnSharedDeps__.ReduxjsToolkit',
  'react-redux': '__kbnSharedDeps__.ReactRedux',
  redux: '__kbnSharedDeps__.Redux',
  immer: '__kbnSharedDeps__.Immer',
  reselect: '__kbnSharedDeps__.Reselect',
  'fastest-levenshtein': '__kbnSharedDeps__.FastestLevenshtein',
  rxjs: '__kbnSharedDeps__.Rxjs',
  numeral: '__kbnSharedDeps__.ElasticNumeral',
  '@elastic/numeral': '__kbnSharedDeps__.ElasticNumeral',
  '@elastic/charts': '__kbnSharedDeps__.ElasticCharts',
  '@kbn/datemath': '__kbnSharedDeps__.KbnDatemath',
  '@elastic/eui': '__kbnSharedDeps__.ElasticEui',
  '@elastic/eui/lib/components/provider/nested':
    '__kbnSharedDeps__.ElasticEuiLibComponentsUseIsNestedEuiProvider',
  '@elastic/eui/lib/services/theme/warning': '__kbnSharedDeps__.ElasticEuiLibServicesThemeWarning',
  '@elastic/eui-theme-borealis': '__kbnSharedDeps__.ElasticEuiThemeBorealis',
  '@hello-pangea/dnd': '__kbnSharedDeps__.HelloPangeaDnd',
  lodash: '__kbnSharedDeps__.Lodash',
  'lodash/fp': '__kbnSharedDeps__.LodashFp',
  fflate: '__kbnSharedDeps__.Fflate',
  tslib: '__kbnSharedDeps__.TsLib',
  uuid: '__kbnSharedDeps__.Uuid',
  '@kbn/analytics': '__kbnSharedDeps__.KbnAnalytics',
  '@kbn/crypto-browser': '__kbnSharedDeps__.KbnCryptoBrowser',
  '@kbn/es-query': '__kbnSharedDeps__.KbnEsQuery',
  '@kbn/search-errors': '__kbnSharedDeps__.KbnSearchErrors',
  '@kbn/std': '__kbnSharedDeps__.KbnStd',
  '@kbn/safer-lodash-set': '__kbnSharedDeps__.SaferLodashSet',
  '@kbn/shared-ux-error-boundary': '__kbnSharedDeps__.KbnSharedUxErrorBoundary',
  '@kbn/rison': '__kbnSharedDeps__.KbnRison',
  history: '__kbnSharedDeps__.History',
  classnames: '__kbnSharedDeps__.Classnames',
  '@tanstack/react-query': '__kbnSharedDeps__.ReactQuery',
  '@tanstack/react-query-devtools': '__kbnSharedDeps__.ReactQueryDevtools',
  '@kbn/code-editor': '__kbnSharedDeps__.KbnCodeEditor',
  '@kbn/esql-ast': '__kbnSharedDeps__.KbnEsqlAst',
  '@kbn/ebt-tools': '__kbnSharedDeps__.KbnEbtTools',
  '@elastic/apm-rum-core': '__kbnSharedDeps__.ElasticApmRumCore',
  '@kbn/react-kibana-context-common': '__kbnSharedDeps__.KbnReactKibanaContextCommon',
  '@kbn/react-kibana-context-root': '__kbnSharedDeps__.KbnReactKibanaContextRoot',
  '@kbn/react-kibana-context-render': '__kbnSharedDeps__.KbnReactKibanaContextRender',
  '@kbn/react-kibana-context-theme': '__kbnSharedDeps__.KbnReactKibanaContextTheme',
  '@kbn/shared-ux-router': '__kbnSharedDeps__.KbnSharedUxRouter',
};

const USAGE =
  'usage: node dev/plugin_build/build_plugin.mjs --kibana-version <x.y.z> [--out-dir <dir>]';

function refuse(message) {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function fail(message) {
  console.error(`plugin build failed: ${message}`);
  process.exit(1);
}

let args;
try {
  args = parseArgs({
    options: {
      'kibana-version': { type: 'string', short: 'k', multiple: true },
      'out-dir': { type: 'string' },
    },
  }).values;
} catch (error) {
  refuse(error.message);
}
const versions = args['kibana-version'] ?? [];
if (versions.length !== 1) {
  refuse(
    versions.length
      ? 'expected a single --kibana-version flag'
      : 'missing --kibana-version: the zip is built for one exact Kibana version, e.g. --kibana-version 9.2.0'
  );
}
const kibanaVersion = versions[0];
if (!VERSION_RE.test(kibanaVersion)) {
  refuse(`--kibana-version must be an exact Kibana version like 9.2.0, not "${kibanaVersion}"`);
}
const outDir = path.resolve(args['out-dir'] ?? path.join(ROOT, 'build'));

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'kibana.json'), 'utf8'));
const config = loadConfig();
if (!config.skipInstallDependencies) {
  // plugin-helpers would run `yarn install --production` in the build and ship node_modules
  // (React, EUI, the AWS SDK…) that Kibana already provides; we neither can nor want to.
  fail(
    'plugin-helpers installs package.json dependencies into the zip unless ' +
      '.kibana-plugin-helpers.json says "skipInstallDependencies": true; add it'
  );
}

const started = Date.now();
/** Zip entries below kibana/<id>/: relative path → contents. */
const files = new Map();
const report = { shared: new Set(), bundled: [], serverRequires: new Set() };

if (manifest.ui) {
  const bundle = await buildBrowserBundle();
  const bundlePath = `target/public/${manifest.id}.plugin.js`;
  files.set(bundlePath, bundle);
  // Kibana serves the .br beside a bundle to browsers that accept brotli.
  files.set(
    `${bundlePath}.br`,
    zlib.brotliCompressSync(bundle, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY },
    })
  );
  for (const rel of walk('public/assets')) files.set(rel, readFileSync(path.join(ROOT, rel)));
}
await writeServerFiles();

mkdirSync(outDir, { recursive: true });
const zipPath = path.join(outDir, `${manifest.id}-${kibanaVersion}.zip`);
await writeZip(zipPath);

const size = statSync(zipPath).size;
console.log(
  `${path.relative(process.cwd(), zipPath) || zipPath}: ${files.size} files, ` +
    `${(size / 1024).toFixed(0)} KiB, built in ${((Date.now() - started) / 1000).toFixed(1)} s`
);
console.log(`browser bundle takes from Kibana: ${[...report.shared].sort().join(', ')}`);
console.log(`browser bundle includes from node_modules: ${report.bundled.join(', ') || 'nothing'}`);
console.log(
  `server code requires at run time: ${[...report.serverRequires].sort().join(', ') || 'nothing'}`
);

/** .kibana-plugin-helpers.json, validated as plugin-helpers' config.ts does. */
function loadConfig() {
  const file = path.join(ROOT, '.kibana-plugin-helpers.json');
  if (!existsSync(file)) return { skipInstallDependencies: false };
  const {
    skipInstallDependencies = false,
    buildSourcePatterns,
    serverSourcePatterns,
    ...rest
  } = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof skipInstallDependencies !== 'boolean')
    fail(`expected [skipInstallDependencies] at [${file}] to be a boolean`);
  const patterns = buildSourcePatterns ?? serverSourcePatterns;
  if (patterns !== undefined && !patterns.every?.((p) => typeof p === 'string'))
    fail(`expected [serverSourcePatterns] at [${file}] to be an array of strings`);
  if (Object.keys(rest).length)
    fail(`unexpected key in [${file}]: ${Object.keys(rest).join(', ')}`);
  return { skipInstallDependencies, serverSourcePatterns: patterns };
}

/**
 * The optimizer's output for a plugin: one script that registers each target with
 * `__kbnBundles__.define(key, require, moduleKey)`, evaluated lazily on the first `get(key)`,
 * with shared dependencies and core read from Kibana's globals instead of bundled.
 */
async function buildBrowserBundle() {
  // optimize.ts declares the targets ['public', 'common']; webpack fails to compile (and
  // plugin-helpers ships no bundle) when one of them has no index module.
  const targets = ['public', 'common'];
  for (const target of targets) {
    if (!['ts', 'tsx', 'js'].some((ext) => existsSync(path.join(ROOT, target, `index.${ext}`))))
      fail(
        `${target}/index.ts is missing: Kibana's optimizer registers ${target}/ as ` +
          `plugin/${manifest.id}/${target} and cannot compile the browser bundle without it`
      );
  }
  const entry = [
    `var targets = {${targets.map((t) => `${JSON.stringify(t)}: function () { return require(${JSON.stringify(`./${t}`)}); }`).join(', ')}};`,
    // webpack's __webpack_require__ caches: every get() answers the same module object
    'var cache = {};',
    'function bundleRequire(target) { return cache[target] || (cache[target] = targets[target]()); }',
    ...targets.map(
      (t) =>
        `__kbnBundles__.define(${JSON.stringify(`plugin/${manifest.id}/${t}`)}, bundleRequire, ${JSON.stringify(t)});`
    ),
  ].join('\n');

  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, sourcefile: 'entry_point_creator.js' },
    bundle: true,
    write: false,
    outfile: `target/public/${manifest.id}.plugin.js`,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    jsx: 'automatic',
    metafile: true,
    logLevel: 'silent',
    define: {
      // webpack's production mode and the optimizer's DefinePlugin for dist builds
      'process.env.NODE_ENV': '"production"',
      'process.env.IS_KIBANA_DISTRIBUTABLE': '"true"',
    },
    plugins: [kibanaRuntimeImports()],
  }).catch((error) => fail(error.message));

  const outputs = result.outputFiles.filter((f) => !f.path.endsWith('.map'));
  if (outputs.length !== 1)
    fail(`the browser bundle must be one script, got ${outputs.map((f) => f.path).join(', ')}`);
  report.bundled = [
    ...new Set(
      Object.keys(result.metafile.inputs)
        .map((input) => input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1])
        .filter(Boolean)
    ),
  ].sort();
  return Buffer.from(outputs[0].contents);
}

/** What Kibana resolves at run time in a plugin bundle, so must not be bundled. */
function kibanaRuntimeImports() {
  return {
    name: 'kibana-runtime-imports',
    setup(builder) {
      builder.onResolve({ filter: /^[^./]/ }, ({ path: spec }) => {
        if (Object.hasOwn(SHARED_DEPS, spec)) return { path: spec, namespace: 'kbn-global' };
        // BundleRemotesPlugin: core's public entry is the remote 'entry/core/public'.
        if (spec === '@kbn/core/public') return { path: spec, namespace: 'kbn-global' };
        if (spec.startsWith('@kbn/'))
          return {
            errors: [
              {
                text:
                  `[${spec}] is neither a Kibana shared dependency nor @kbn/core/public; another ` +
                  "plugin's public code needs it in requiredPlugins/requiredBundles and the " +
                  'Kibana package map to resolve, which only a Kibana checkout has',
              },
            ],
          };
        return undefined; // anything else is bundled from node_modules, as webpack does
      });
      builder.onLoad({ filter: /.*/, namespace: 'kbn-global' }, ({ path: spec }) => {
        report.shared.add(spec);
        return {
          contents:
            spec === '@kbn/core/public'
              ? "module.exports = __kbnBundles__.get('entry/core/public');"
              : `module.exports = ${SHARED_DEPS[spec]};`,
          loader: 'js',
        };
      });
    },
  };
}

/** write_server_files.ts: kibana.json stamped, server sources through babel's place, the rest copied. */
async function writeServerFiles() {
  const patterns = [
    'kibana.json',
    '.i18nrc.json',
    ...(manifest.server
      ? (config.serverSourcePatterns ?? [
          'yarn.lock',
          'tsconfig.json',
          'package.json',
          'index.{js,ts}',
          '{lib,server,common,translations}/**/*',
        ])
      : []),
  ];
  const ignore = [
    '**/*.d.ts',
    '**/public/**',
    '**/__tests__/**',
    '**/*.{test,test.mocks,mock,mocks}.*',
  ].flatMap(expandBraces);
  const ignored = (rel) => ignore.some((p) => globToRegExp(p).test(rel));
  const tsconfig = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8'));

  for (const rel of matchFiles(patterns)) {
    if (ignored(rel)) continue;
    const source = readFileSync(path.join(ROOT, rel));
    if (rel === 'kibana.json') {
      // plugin-helpers keeps `version` and stamps only `kibanaVersion`
      files.set(rel, Buffer.from(JSON.stringify({ ...manifest, kibanaVersion }, null, 2)));
      continue;
    }
    const ext = path.extname(rel);
    if (rel.includes('node_modules') || !['.js', '.ts', '.tsx'].includes(ext)) {
      files.set(rel, source);
      continue;
    }
    // babel's node preset: CommonJS for the Node.js Kibana runs on, inline source maps.
    const { code } = await transform(source.toString('utf8'), {
      loader: ext.slice(1),
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: path.basename(rel),
      jsx: 'automatic',
      tsconfigRaw: { compilerOptions: tsconfig.compilerOptions },
      // Left as import(), './plugin' would be loaded as ESM and fail without its extension.
      supported: { 'dynamic-import': false },
    }).catch((error) => fail(`${rel}: ${error.message}`));
    for (const [, spec] of code.matchAll(/\brequire\("([^"]+)"\)/g)) {
      if (!spec.startsWith('.') && !builtinModules.includes(spec.replace(/^node:/, '')))
        report.serverRequires.add(spec);
    }
    files.set(rel.slice(0, -ext.length) + '.js', Buffer.from(code));
  }
}

/** vinyl-fs's view of the patterns: files only, `*` and `**` skip dot-names unless spelled out. */
function matchFiles(patterns) {
  const found = new Set();
  for (const pattern of patterns.flatMap(expandBraces)) {
    const segments = pattern.split('/');
    const firstGlob = segments.findIndex((s) => /[*?[]/.test(s));
    if (firstGlob === -1) {
      const full = path.join(ROOT, pattern);
      if (existsSync(full) && statSync(full).isFile()) found.add(pattern);
      continue;
    }
    const base = segments.slice(0, firstGlob).join('/');
    const re = globToRegExp(pattern);
    for (const rel of walk(base)) {
      const dotted = rel.split('/').some((s, i) => s.startsWith('.') && segments[i] !== s);
      if (!dotted && re.test(rel)) found.add(rel);
    }
  }
  return [...found].sort();
}

function walk(dir) {
  const full = path.join(ROOT, dir);
  if (!existsSync(full) || !statSync(full).isDirectory()) return [];
  return readdirSync(full).flatMap((name) => {
    const rel = dir ? `${dir}/${name}` : name;
    return statSync(path.join(ROOT, rel)).isDirectory() ? walk(rel) : [rel];
  });
}

function expandBraces(pattern) {
  const m = pattern.match(/\{([^{}]*)\}/);
  if (!m) return [pattern];
  const [before, after] = [pattern.slice(0, m.index), pattern.slice(m.index + m[0].length)];
  return m[1].split(',').flatMap((alt) => expandBraces(before + alt + after));
}

function globToRegExp(pattern) {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern.startsWith('**/', i)) {
      re += '(?:.*/)?';
      i += 2;
    } else if (pattern.startsWith('**', i)) {
      re += '.*';
      i += 1;
    } else if (pattern[i] === '*') re += '[^/]*';
    else if (pattern[i] === '?') re += '[^/]';
    else re += pattern[i].replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** create_archive.ts zips build/kibana, so every entry sits below kibana/<id>/. */
function writeZip(zipPath) {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    // A fixed date keeps the zip byte-identical for identical sources.
    const mtime = new Date('2000-01-01T00:00:00Z');
    for (const rel of [...files.keys()].sort())
      zip.addBuffer(files.get(rel), `kibana/${manifest.id}/${rel}`, { mtime, compressionLevel: 9 });
    zip.outputStream.pipe(createWriteStream(zipPath)).on('close', resolve).on('error', reject);
    zip.end();
  });
}
