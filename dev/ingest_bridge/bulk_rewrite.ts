// The pure half of the ingest bridge: splits a `_bulk` NDJSON body into actions, and rebuilds
// one after the documents of logs-netobs.* have been parsed elsewhere. See bridge.ts for why
// the bridge exists at all.

export interface BulkItem {
  action: 'create' | 'index' | 'update' | 'delete';
  meta: Record<string, unknown>;
  /** The source line (absent for delete). */
  source?: Record<string, unknown>;
}

export function parseBulk(body: string, defaultIndex?: string): BulkItem[] {
  const lines = body.split('\n').filter((line) => line.trim().length > 0);
  const items: BulkItem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = JSON.parse(lines[i]) as Record<string, Record<string, unknown>>;
    const [action] = Object.keys(header) as BulkItem['action'][];
    const meta = { ...header[action] };
    if (meta._index === undefined && defaultIndex) meta._index = defaultIndex;
    if (action === 'delete') {
      items.push({ action, meta });
    } else {
      items.push({ action, meta, source: JSON.parse(lines[++i]) as Record<string, unknown> });
    }
  }
  return items;
}

export function serializeBulk(items: BulkItem[]): string {
  return (
    items
      .flatMap((item) => [
        JSON.stringify({ [item.action]: item.meta }),
        ...(item.source ? [JSON.stringify(item.source)] : []),
      ])
      .join('\n') + '\n'
  );
}

/** Whether our pipelines would run for this item on a full Elasticsearch. */
export function needsIngest(item: BulkItem): boolean {
  const index = item.meta._index;
  return (
    (item.action === 'create' || item.action === 'index') &&
    typeof index === 'string' &&
    index.startsWith('logs-netobs.') &&
    item.meta.pipeline !== '_none'
  );
}

/** logs-netobs.<dataset>-<namespace> → { dataset, namespace } */
export function splitDataStream(index: string): { dataset: string; namespace: string } {
  const match = /^logs-(netobs\.[^-]+)-(.+)$/.exec(index);
  if (!match) throw new Error(`not a netobs data stream: ${index}`);
  return { dataset: match[1], namespace: match[2] };
}
