// Frees dead Buffers promptly while an object streams through the forwarder.
//
// The forwarder allocates ArrayBuffers all the time (chunks read from S3 or the file, request
// bodies, answers) and drops them at once, but V8 frees an ArrayBuffer's memory only when it
// collects the small object that owns it; one that lived through a scavenge waits for a full
// collection, which V8 starts for external memory only after about 64 MB of growth. Dead
// buffers therefore sat in the forwarder's resident memory by the tens of MB (peak RSS 190-220
// MB on the bench). Collecting when they pass a bound keeps the peak about 40 MB lower, for a
// few full collections per 128 MB of object (measured: bench/forwarder_only.ts, docs/forwarder.md).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = () => void;
let collect: Collect | null | undefined;

/** V8's full collection, made available at run time (`--expose-gc` for a fresh context only). */
function collector(): Collect | null {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as unknown;
      collect = typeof gc === 'function' ? (gc as Collect) : null;
    } catch {
      collect = null;
    }
  }
  return collect;
}

/**
 * Call `check()` between chunks: once the process's ArrayBuffers (live and dead) exceed
 * `limitBytes` (default 24 MiB, NETOBS_BUFFER_GC_MB; 0 turns it off), a full collection runs.
 */
export class BufferCollector {
  private readonly limit: number;
  private calls = 0;
  collections = 0;

  constructor(limitBytes = defaultLimit()) {
    this.limit = limitBytes;
  }

  check(): void {
    // memoryUsage() costs some microseconds: look every 4th chunk (1 MiB of decoded bytes).
    if (this.limit <= 0 || (this.calls++ & 3) !== 0) return;
    if (process.memoryUsage().arrayBuffers <= this.limit) return;
    const gc = collector();
    if (!gc) return;
    gc();
    this.collections += 1;
  }
}

function defaultLimit(): number {
  const raw = process.env.NETOBS_BUFFER_GC_MB;
  const mb = raw === undefined || raw === '' ? 24 : Number(raw);
  return Number.isFinite(mb) && mb >= 0 ? mb * 1024 * 1024 : 24 * 1024 * 1024;
}

/**
 * Keeps V8's young generation at its starting size (`--semi-space-growth-factor=1`, which V8
 * reads each time it would grow it, so it applies at run time, unlike --max-semi-space-size).
 * Shipping allocates short-lived strings at a high rate, and V8 otherwise grows each semi-space
 * to 16 MB: about 30 MB more heap for no measured speed (bench/forwarder_only.ts, side by side).
 */
export function boundYoungGeneration(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
