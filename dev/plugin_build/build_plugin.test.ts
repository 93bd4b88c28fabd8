// Builds the plugin zip from the working tree with dev/plugin_build/build_plugin.mjs, unpacks it
// and checks what `kibana-plugin install` and Kibana rely on: one kibana/<id>/ folder, the stamped
// kibana.json, server code Node.js can load where Kibana installs it, a browser bundle that
// registers itself as Kibana's optimizer output does, the assets, and nothing Kibana provides.
import { execFile } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import extract from 'extract-zip';

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'dev/plugin_build/build_plugin.mjs');
const KIBANA_VERSION = '9.2.0';
const ID = 'networkObservability';
/** npm packages the server code may require: Kibana's own node_modules has them. */
const KIBANA_PROVIDES = ['@elastic/elasticsearch'];

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], cwd = ROOT): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(file, args, { cwd, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({
        code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
        stdout,
        stderr,
      })
    );
    child.stdin?.end(); // a prompt would read end-of-file, not hang
  });
}

/** Relative POSIX paths of every file below dir, skipping dot-names as the build's globs do. */
function listFiles(dir: string, skipDotNames = false, prefix = ''): string[] {
  return readdirSync(dir)
    .filter((name) => !(skipDotNames && name.startsWith('.')))
    .flatMap((name) =>
      statSync(path.join(dir, name)).isDirectory()
        ? listFiles(path.join(dir, name), skipDotNames, `${prefix}${name}/`)
        : [`${prefix}${name}`]
    );
}

describe('the plugin zip built from the working tree', () => {
  let tmp: string;
  let plugin: string;
  let files: string[];

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'netobs-plugin-zip-'));
    const build = await run(process.execPath, [
      SCRIPT,
      '-k',
      KIBANA_VERSION,
      '--out-dir',
      path.join(tmp, 'out'),
    ]);
    if (build.code !== 0) throw new Error(`the build exited ${build.code}:\n${build.stderr}`);
    await extract(path.join(tmp, 'out', `${ID}-${KIBANA_VERSION}.zip`), {
      dir: path.join(tmp, 'unzipped'),
    });
    plugin = path.join(tmp, 'unzipped', 'kibana', ID);
    files = listFiles(plugin);
  });

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('holds the plugin in kibana/<id>/ and nothing else', () => {
    expect(readdirSync(path.join(tmp, 'unzipped'))).toEqual(['kibana']);
    expect(readdirSync(path.join(tmp, 'unzipped', 'kibana'))).toEqual([ID]);
  });

  it('stamps kibanaVersion into kibana.json and keeps the plugin version', () => {
    const source = JSON.parse(readFileSync(path.join(ROOT, 'kibana.json'), 'utf8'));
    const built = JSON.parse(readFileSync(path.join(plugin, 'kibana.json'), 'utf8'));
    expect(built).toEqual({ ...source, kibanaVersion: KIBANA_VERSION });
    expect(built.version).toBe(source.version);
  });

  it('copies package.json and tsconfig.json as they are', () => {
    for (const name of ['package.json', 'tsconfig.json'])
      expect(readFileSync(path.join(plugin, name))).toEqual(readFileSync(path.join(ROOT, name)));
  });

  it('ships no node_modules, tests, declarations, TypeScript or browser sources', () => {
    expect(files.filter((f) => f.split('/').includes('node_modules'))).toEqual([]);
    expect(files.filter((f) => /\.(test|test\.mocks|mock|mocks)\./.test(f))).toEqual([]);
    expect(files.filter((f) => /\.tsx?$/.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith('public/') && !f.startsWith('public/assets/'))).toEqual(
      []
    );
  });

  it('has every server and common source as a .js file at the same path', () => {
    const expected = ['server', 'common']
      .flatMap((dir) => listFiles(path.join(ROOT, dir), true, `${dir}/`))
      .filter(
        (f) => /\.(ts|tsx|js)$/.test(f) && !/\.d\.ts$|\.(test|test\.mocks|mock|mocks)\./.test(f)
      )
      .map((f) => f.replace(/\.tsx?$/, '.js'));
    expect(expected).toContain('server/index.js');
    expect(files).toEqual(expect.arrayContaining(expected));
  });

  it('copies the assets byte for byte', () => {
    const assets = listFiles(path.join(ROOT, 'assets'), true);
    expect(
      assets.filter((f) => /^elasticsearch\/ingest_pipeline\/[^/]+\.json$/.test(f))
    ).not.toEqual([]);
    expect(assets.filter((f) => f.startsWith('kibana/'))).not.toEqual([]);
    const differ = (f: string) =>
      !readFileSync(path.join(plugin, 'assets', f)).equals(
        readFileSync(path.join(ROOT, 'assets', f))
      );
    expect(assets.filter(differ)).toEqual([]);
  });

  describe('the browser bundle', () => {
    let source: string;
    beforeAll(() => {
      source = readFileSync(path.join(plugin, `target/public/${ID}.plugin.js`), 'utf8');
    });

    it("starts as webpack 5's production output does and registers both targets", () => {
      expect(source.startsWith('(()=>{')).toBe(true);
      expect(source).toContain(`__kbnBundles__.define("plugin/${ID}/public",`);
      expect(source).toContain(`__kbnBundles__.define("plugin/${ID}/common",`);
    });

    it('has a brotli copy for browsers that accept it', () => {
      const br = readFileSync(path.join(plugin, `target/public/${ID}.plugin.js.br`));
      expect(zlib.brotliDecompressSync(br).toString('utf8')).toBe(source);
    });

    it('takes React, EUI, charts and Kibana packages from Kibana instead of bundling them', () => {
      const globals = new Set([...source.matchAll(/__kbnSharedDeps__\.(\w+)/g)].map((m) => m[1]));
      expect([...globals]).toEqual(
        expect.arrayContaining(['React', 'ReactDom', 'ElasticEui', 'ElasticCharts'])
      );
      expect(source).toContain(`__kbnBundles__.get("entry/core/public")`);
      // EUI or charts bundled by mistake weigh megabytes
      expect(source.length).toBeLessThan(1_000_000);
    });

    it("loads through Kibana's bundle loader and registers the app", () => {
      // kbnBundlesLoader of src/core/packages/rendering/server-internal/src/bootstrap/render_template.ts
      const modules: Record<string, { bundleRequire: (key: unknown) => unknown; key: unknown }> =
        {};
      const has = (key: string) => Object.hasOwn(modules, key);
      const kbnBundles = {
        has,
        define(key: string, bundleRequire: (key: unknown) => unknown, bundleModuleKey: unknown) {
          if (has(key)) throw new Error(`__kbnBundles__ already has a module defined for "${key}"`);
          modules[key] = { bundleRequire, key: bundleModuleKey };
        },
        get(key: string) {
          if (!has(key))
            throw new Error(`__kbnBundles__ does not have a module defined for "${key}"`);
          return modules[key].bundleRequire(modules[key].key);
        },
      };
      kbnBundles.define(
        'entry/core/public',
        () => ({ DEFAULT_APP_CATEGORIES: { observability: { id: 'observability' } } }),
        0
      );
      const sharedDeps = new Proxy({}, { get: () => ({}) });
      const context = vm.createContext({
        __kbnBundles__: kbnBundles,
        __kbnSharedDeps__: sharedDeps,
      });
      vm.runInContext(source, context);

      // core's plugin_reader.ts: `get('plugin/<id>/public').plugin` must be a function
      const { plugin: initializer } = kbnBundles.get(`plugin/${ID}/public`) as {
        plugin: (context: unknown) => { setup(core: unknown): void };
      };
      expect(typeof initializer).toBe('function');
      expect(typeof kbnBundles.get(`plugin/${ID}/common`)).toBe('object');

      const apps: Array<{ id: string; mount: unknown }> = [];
      initializer({}).setup({
        application: { register: (app: { id: string; mount: unknown }) => apps.push(app) },
        getStartServices: () => new Promise(() => {}),
      });
      expect(apps.map((app) => [app.id, typeof app.mount])).toEqual([[ID, 'function']]);
    });
  });

  it('server code loads and registers its routes where Kibana installs it', async () => {
    // <kibana>/plugins/<id> resolves packages from <kibana>/node_modules, where Kibana keeps
    // @kbn/* and its own dependencies; the zip brings none (skipInstallDependencies).
    const kibana = path.join(tmp, 'kibana');
    const installed = path.join(kibana, 'plugins', ID);
    cpSync(plugin, installed, { recursive: true });

    const jsFiles = files.filter((f) => /^(server|common)\/.*\.js$/.test(f));
    const required = new Set(
      jsFiles.flatMap((f) =>
        [
          ...readFileSync(path.join(plugin, f), 'utf8').matchAll(/\brequire\("([^".][^"]*)"\)/g),
        ].map((m) => m[1])
      )
    );
    const packages = [...required].filter(
      (spec) => !builtinModules.includes(spec.replace(/^node:/, ''))
    );
    expect(packages.filter((p) => !p.startsWith('@kbn/') && !KIBANA_PROVIDES.includes(p))).toEqual(
      []
    );
    for (const spec of packages) {
      const dir = path.join(kibana, 'node_modules', spec);
      if (spec.startsWith('@kbn/')) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(
          path.join(dir, 'index.js'),
          RECORDER + `module.exports = recorder('${spec}');\n`
        );
      } else {
        mkdirSync(path.dirname(dir), { recursive: true });
        symlinkSync(path.join(ROOT, 'node_modules', spec), dir);
      }
    }
    writeFileSync(path.join(kibana, 'check_server.js'), RECORDER + CHECK_SERVER);

    const result = await run(process.execPath, ['check_server.js', installed], kibana);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report.plugin).toBe('function');
    expect(report.methods).toEqual(['setup', 'start', 'stop']);
    expect(report.routes.length).toBeGreaterThan(0);
    for (const route of report.routes)
      expect(route).toMatch(/^\/(api|internal)\/network_observability\//);
    expect(report.assets).toBe(path.join(realpathSync(installed), 'assets'));
  });
});

describe('the plugin build command', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(path.join(os.tmpdir(), 'netobs-plugin-zip-refused-'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it.each([
    [[], /missing --kibana-version/],
    [['--kibana-version', 'kibana'], /must be an exact Kibana version like 9\.2\.0, not "kibana"/],
    [['--kibana-version', '9.2'], /must be an exact Kibana version like 9\.2\.0, not "9\.2"/],
    [['-k', '9.2.0', '-k', '9.3.0'], /expected a single --kibana-version flag/],
  ])('refuses %j without prompting, exit code 2', async (args, message) => {
    const result = await run(process.execPath, [SCRIPT, ...args, '--out-dir', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses an unknown option', async () => {
    const result = await run(process.execPath, [SCRIPT, '-k', '9.2.0', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--out'/);
  });
});

/** A stand-in for whatever Kibana passes or exports: records calls, answers every property. */
const RECORDER = `
const calls = [];
function recorder(name) {
  return new Proxy(function () {}, {
    get: (_target, key) => (key === 'then' ? undefined : recorder(name + '.' + String(key))),
    apply: (_target, _this, args) => {
      calls.push({ name, args });
      return recorder(name + '()');
    },
    construct: () => recorder('new ' + name),
  });
}
`;

/** Loads server/index.js as Kibana does, runs setup, and prints what it saw as JSON. */
const CHECK_SERVER = `
const path = require('node:path');
const installed = process.argv[2];
(async () => {
  const server = require(path.join(installed, 'server'));
  const instance = await server.plugin({ logger: { get: () => recorder('logger') } });
  instance.setup(recorder('core'), {});
  const routes = calls
    .filter((c) => /^core\\.http\\.createRouter\\(\\)\\.(versioned\\.)?(get|post|put|patch|delete)$/.test(c.name))
    .map((c) => c.args[0] && c.args[0].path);
  const { assetsRoot } = require(path.join(installed, 'server/lib/assets/assets_root.js'));
  console.log(JSON.stringify({
    plugin: typeof server.plugin,
    methods: ['setup', 'start', 'stop'].filter((m) => typeof instance[m] === 'function'),
    routes,
    assets: assetsRoot(),
  }));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;
