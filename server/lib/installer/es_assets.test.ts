import { loadEsAssets } from '../assets/load_es_assets';
import { customise } from './es_assets';

const pipeline = (name: string) => loadEsAssets('ingest_pipeline').find((a) => a.name === name)!;
const template = (name: string) => loadEsAssets('index_template').find((a) => a.name === name)!;
type Processors = { processors: Record<string, Record<string, unknown>>[] };

test('keepOriginal turns "drop message" into a rename to event.original, and only that', () => {
  const asset = pipeline('netobs-alb');
  const plain = customise(asset, {}) as Processors;
  const kept = customise(asset, { keepOriginal: true }) as Processors;
  expect(plain.processors.some((p) => p.remove?.tag === 'drop_message')).toBe(true);
  expect(kept.processors.some((p) => p.remove?.tag === 'drop_message')).toBe(false);
  expect(kept.processors.find((p) => p.rename)?.rename).toEqual({
    tag: 'keep_original',
    field: 'message',
    target_field: 'event.original',
    ignore_missing: true,
  });
  expect(kept.processors).toHaveLength(plain.processors.length);
  // The loaded asset itself is untouched.
  expect((asset.body as Processors).processors.some((p) => p.rename)).toBe(false);
});

test('retention applies to parsed sources, not to the raw landing stream', () => {
  const lifecycle = (name: string) =>
    (
      customise(template(name), { retention: '90d' }) as {
        template: { lifecycle: { data_retention: string } };
      }
    ).template.lifecycle.data_retention;
  expect(lifecycle('logs-netobs.vpcflow')).toBe('90d');
  expect(lifecycle('logs-netobs.raw')).toBe('7d');
});
