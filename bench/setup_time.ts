// Measure 5: how long setup takes, through the same function the setup route and `netobs setup`
// call (server/lib/installer runSetup): a fresh install into an empty cluster, and a re-run that
// finds everything current. Fresh installs are repeated by uninstalling first (assets only; no
// data stream exists yet at this point of the bench).
import type { Client } from '@elastic/elasticsearch';
import { runSetup, runUninstall } from '../server/lib/installer/setup';
import { median, round, timed } from './timing';

export interface SetupRun {
  seconds: number;
  /** How many assets ended with each action (installed, unchanged, failed, …). */
  actions: Record<string, number>;
}

export interface SetupResult {
  fresh: { medianSeconds: number; runs: SetupRun[] };
  rerun: { medianSeconds: number; runs: SetupRun[] };
  /** Assets the cluster refused, with the first reason (the pipelines, on a node without processors). */
  failed: { name: string; error: string }[];
}

async function once(client: Client): Promise<{ run: SetupRun; failed: SetupResult['failed'] }> {
  const { value, seconds } = await timed(() => runSetup(client, {}));
  const actions: Record<string, number> = {};
  for (const result of value.results) actions[result.action] = (actions[result.action] ?? 0) + 1;
  const failed = value.results
    .filter((r) => r.action === 'failed')
    .map((r) => ({ name: r.name, error: String(r.error).slice(0, 160) }));
  return { run: { seconds: round(seconds, 3), actions }, failed };
}

export async function measureSetup(client: Client, runs: number): Promise<SetupResult> {
  const fresh: SetupRun[] = [];
  let failed: SetupResult['failed'] = [];
  for (let i = 0; i < runs; i++) {
    if (i > 0) await runUninstall(client, undefined, { elasticsearch: true });
    const result = await once(client);
    fresh.push(result.run);
    failed = result.failed;
  }
  const rerun: SetupRun[] = [];
  for (let i = 0; i < runs; i++) rerun.push((await once(client)).run);
  return {
    fresh: { medianSeconds: round(median(fresh.map((r) => r.seconds)), 3), runs: fresh },
    rerun: { medianSeconds: round(median(rerun.map((r) => r.seconds)), 3), runs: rerun },
    failed,
  };
}
