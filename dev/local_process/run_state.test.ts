import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  clearRunState,
  isStartProcess,
  readRunState,
  RUN_STATE_FILE,
  writeRunState,
} from './run_state';
import { REPO_ROOT } from './repo_root';

function tempFile(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'netobs-run-state-')), 'npm-start.json');
}

describe('run state', () => {
  it("lives in this checkout's .cache, so two checkouts never share one", () => {
    expect(RUN_STATE_FILE).toBe(path.join(REPO_ROOT, '.cache', 'npm-start.json'));
  });

  it('round-trips what a start started, and only that', () => {
    const file = tempFile();
    writeRunState({ pid: 4_000_001, appPort: 5690, esPort: 9290 }, file);
    expect(readRunState(file)).toEqual({ pid: 4_000_001, appPort: 5690, esPort: 9290 });
    writeRunState({ pid: 12, appPort: 5690, esPort: 9290, enginePort: 9390 }, file);
    expect(readRunState(file)).toEqual({
      pid: 12,
      appPort: 5690,
      esPort: 9290,
      enginePort: 9390,
    });
    clearRunState(file);
    expect(readRunState(file)).toBeUndefined();
    clearRunState(file);
  });

  it.each([
    ['not JSON', '{'],
    ['no pid', JSON.stringify({ appPort: 5601 })],
    ['a port out of range', JSON.stringify({ pid: 1, appPort: 70000 })],
  ])('ignores a record that is %s', (_what, text) => {
    const file = tempFile();
    writeFileSync(file, text);
    expect(readRunState(file)).toBeUndefined();
  });

  it('drops a node port that is not a port', () => {
    const file = tempFile();
    writeFileSync(file, JSON.stringify({ pid: 1, appPort: 5601, esPort: 'x', enginePort: -1 }));
    expect(readRunState(file)).toEqual({ pid: 1, appPort: 5601 });
    expect(readFileSync(file, 'utf8')).toContain('"x"');
  });

  it('knows a dead pid, or a live one running something else, is not the start', () => {
    expect(isStartProcess(2 ** 30)).toBe(false);
    // This jest worker is alive but is not dev/start.ts.
    expect(isStartProcess(process.pid)).toBe(process.platform !== 'linux');
  });
});
