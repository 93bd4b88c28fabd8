import { ASSET_VERSION, MANAGED_BY, VPC_FLOW_DEFAULT_FIELDS } from '../../../common/constants';
import {
  ALB_CONNECTION_FIELDS,
  ALB_FIELDS,
  NLB_FIELDS,
  TGW_FLOW_DEFAULT_FIELDS,
} from '../../../common/sources';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ES_ASSETS_DIR, loadAllEsAssets, loadEsAssets } from './load_es_assets';

type Processor = Record<string, Record<string, unknown>>;

const pipelines = loadEsAssets('ingest_pipeline');
const byName = (name: string) => {
  const found = pipelines.find((asset) => asset.name === name);
  if (!found) throw new Error(`no pipeline ${name}`);
  return found.body as { processors: Processor[]; on_failure?: Processor[] };
};
const processorBody = (name: string, tag: string) => {
  const pipeline = byName(name);
  for (const processor of [...pipeline.processors, ...(pipeline.on_failure ?? [])]) {
    const [body] = Object.values(processor);
    if (body.tag === tag) return body;
  }
  throw new Error(`no processor tagged ${tag} in ${name}`);
};

test('every asset carries the asset version and owner in _meta', () => {
  const assets = loadAllEsAssets();
  expect(assets.length).toBe(9 + 7 + 10);
  for (const asset of assets) {
    expect(asset.body._meta).toMatchObject({ version: ASSET_VERSION, managed_by: MANAGED_BY });
  }
});

test('every asset carries a hash of its content as shipped, which a change of a Painless file changes', () => {
  const hash = (asset: { body: Record<string, unknown> }) =>
    (asset.body._meta as { shipped_hash: string }).shipped_hash;
  const assets = loadAllEsAssets();
  for (const asset of assets) expect(hash(asset)).toMatch(/^[0-9a-f]{16}$/);
  expect(new Set(assets.map(hash)).size).toBe(assets.length);

  const copy = mkdtempSync(path.join(os.tmpdir(), 'netobs-assets-'));
  try {
    cpSync(ES_ASSETS_DIR, copy, { recursive: true });
    const parse = path.join(copy, 'painless', 'flowlog_parse.painless');
    writeFileSync(parse, readFileSync(parse, 'utf8') + '\n// changed\n');
    const before = new Map(pipelines.map((asset) => [asset.name, hash(asset)]));
    const changed = loadEsAssets('ingest_pipeline', copy)
      .filter((asset) => hash(asset) !== before.get(asset.name))
      .map((asset) => asset.name);
    expect(changed).toEqual(['netobs-tgwflow', 'netobs-vpcflow']);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test('every processor, including failure handlers, has a unique tag and every pipeline an on_failure', () => {
  for (const { name, body } of pipelines) {
    const { processors, on_failure } = body as {
      processors: Processor[];
      on_failure?: Processor[];
    };
    expect(on_failure?.length).toBeGreaterThan(0);
    const tags = [...processors, ...(on_failure ?? [])].map((p) => Object.values(p)[0].tag);
    expect(tags.every((tag) => typeof tag === 'string' && tag.length > 0)).toBe(true);
    expect(new Set(tags).size).toBe(tags.length);
    const errorMessage = on_failure?.find((p) => p.set?.field === 'error.message');
    expect(String(errorMessage?.set.value)).toContain(name);
  }
});

test('Painless files are inlined as script sources', () => {
  const split = processorBody('netobs-vpcflow', 'split_custom_format');
  expect(split.source).toContain('splitOnToken');
  expect(JSON.stringify(pipelines)).not.toContain('$file');
});

test('pipelines use the field lists that common/sources documents', () => {
  const dissect = processorBody('netobs-vpcflow', 'dissect_default_format');
  expect(dissect.pattern).toBe(
    VPC_FLOW_DEFAULT_FIELDS.map((f) => `%{aws.vpcflow.${f.replace(/-/g, '_')}}`).join(' ')
  );
  const vpcSplit = processorBody('netobs-vpcflow', 'split_custom_format');
  expect((vpcSplit.params as { default_fields: string }).default_fields).toBe(
    VPC_FLOW_DEFAULT_FIELDS.join(' ')
  );
  const tgwSplit = processorBody('netobs-tgwflow', 'split_by_format');
  expect((tgwSplit.params as { default_fields: string }).default_fields).toBe(
    TGW_FLOW_DEFAULT_FIELDS.join(' ')
  );
  expect((processorBody('netobs-alb', 'split_fields').params as { names: string[] }).names).toEqual(
    ALB_FIELDS
  );
  expect((processorBody('netobs-nlb', 'split_fields').params as { names: string[] }).names).toEqual(
    NLB_FIELDS
  );
  expect(
    (processorBody('netobs-alb_connection', 'split_fields').params as { names: string[] }).names
  ).toEqual(ALB_CONNECTION_FIELDS);
});

test('the router reroutes each source to its own dataset, and failures to unknown', () => {
  const router = byName('netobs-router');
  const reroutes = router.processors.filter((p) => p.reroute).map((p) => p.reroute.dataset);
  expect(reroutes).toEqual([
    'netobs.vpcflow',
    'netobs.tgwflow',
    'netobs.alb',
    'netobs.nlb',
    'netobs.alb_connection',
    'netobs.unknown',
  ]);
  expect(router.on_failure?.some((p) => p.reroute?.dataset === 'netobs.unknown')).toBe(true);
});

test('index templates outrank the built-in logs-*-* template and name existing pipelines and components', () => {
  const components = new Set(loadEsAssets('component_template').map((a) => a.name));
  const pipelineNames = new Set(pipelines.map((a) => a.name));
  for (const { name, body } of loadEsAssets('index_template')) {
    const template = body as {
      priority: number;
      composed_of: string[];
      ignore_missing_component_templates?: string[];
      template: { settings: { index: { default_pipeline: string } } };
    };
    expect(template.priority).toBeGreaterThan(100);
    // Every component is ours, except the user's optional `<template>@custom`, composed last (so
    // it overrides ours) and allowed to be missing.
    const custom = `${name}@custom`;
    expect(template.composed_of[template.composed_of.length - 1]).toBe(custom);
    expect(template.ignore_missing_component_templates).toEqual([custom]);
    template.composed_of.slice(0, -1).forEach((c) => expect(components.has(c)).toBe(true));
    expect(pipelineNames.has(template.template.settings.index.default_pipeline)).toBe(true);
  }
});
