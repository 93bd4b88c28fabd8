import type { StopOps } from './stop_checkout';
import { stopCheckout } from './stop_checkout';

/** Processes as sets of what runs; stopping one takes it out, as the real calls do. */
function world(running: { start?: number; es?: number[]; engine?: number[] }) {
  const es = new Set(running.es ?? []);
  const engine = new Set(running.engine ?? []);
  let start = running.start;
  const calls: string[] = [];
  const ops: StopOps = {
    isStartProcess: (pid) => pid === start,
    terminate: async (pid) => {
      calls.push(`terminate ${pid}`);
      // As dev/start.ts's SIGTERM handler: it stops the nodes it started, then exits.
      start = undefined;
      es.delete(9290);
      engine.delete(9390);
      return true;
    },
    kill: (pid) => calls.push(`kill ${pid}`),
    esRunning: (port) => es.has(port),
    stopEs: async (port) => {
      calls.push(`stop es ${port}`);
      return es.delete(port);
    },
    engineRunning: (port) => engine.has(port),
    stopEngine: async (port) => {
      calls.push(`stop engine ${port}`);
      return engine.delete(port);
    },
    clearState: () => calls.push('clear'),
  };
  return { ops, calls, es, engine };
}

const DEFAULTS = { esPort: 9200, enginePort: 9350, portsGiven: false };
const STATE = { pid: 4242, appPort: 5690, esPort: 9290, enginePort: 9390 };

describe('stopCheckout', () => {
  it("asks the running start to stop what it started, on the ports it used, not the defaults'", async () => {
    const { ops, calls, es } = world({ start: 4242, es: [9200, 9290], engine: [9390] });
    const said = await stopCheckout({ ...DEFAULTS, state: STATE }, ops);
    expect(said).toEqual([
      'npm start (pid 4242) and what it started: the app on port 5690, ' +
        'Elasticsearch on port 9290, the ingest engine on port 9390',
    ]);
    expect(calls).toEqual(['terminate 4242', 'clear']);
    // A node on the default port that this start did not start keeps running.
    expect(es.has(9200)).toBe(true);
  });

  it('stops the nodes a start left behind when it was killed outright', async () => {
    const { ops, calls } = world({ es: [9290], engine: [9390] });
    const said = await stopCheckout({ ...DEFAULTS, state: STATE }, ops);
    expect(said).toEqual(['the ingest engine on port 9390', 'Elasticsearch on port 9290']);
    expect(calls).toEqual(['stop engine 9390', 'stop es 9290', 'clear']);
  });

  it('never stops a node the start found running (not in its record)', async () => {
    const { ops, calls } = world({ start: 4242, es: [9290] });
    const state = { pid: 4242, appPort: 5690 };
    const said = await stopCheckout({ ...DEFAULTS, state }, ops);
    expect(said).toEqual(['npm start (pid 4242) and what it started: the app on port 5690']);
    expect(calls).toEqual(['terminate 4242', 'clear']);
  });

  it('kills a start that does not exit in time', async () => {
    const { ops, calls } = world({ start: 4242 });
    ops.terminate = async (pid) => {
      calls.push(`terminate ${pid}`);
      return false;
    };
    await stopCheckout({ ...DEFAULTS, state: { pid: 4242, appPort: 5601 } }, ops);
    expect(calls).toEqual(['terminate 4242', 'kill 4242', 'clear']);
  });

  it('without a record, stops the nodes on the given or default ports', async () => {
    const { ops, calls } = world({ es: [9200], engine: [9350] });
    expect(await stopCheckout(DEFAULTS, ops)).toEqual([
      'the ingest engine on port 9350',
      'Elasticsearch on port 9200',
    ]);
    expect(calls).not.toContain('clear');
  });

  it('with a record and ports given, stops both', async () => {
    const { ops } = world({ es: [9201, 9290] });
    const said = await stopCheckout(
      { esPort: 9201, enginePort: 9351, portsGiven: true, state: { ...STATE, pid: 1 } },
      ops
    );
    expect(said).toEqual(['Elasticsearch on port 9290', 'Elasticsearch on port 9201']);
  });

  it('reports nothing when nothing runs', async () => {
    const { ops } = world({});
    expect(await stopCheckout(DEFAULTS, ops)).toEqual([]);
  });
});
