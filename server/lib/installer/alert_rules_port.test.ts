// Setup's alerting rules against Kibana's rules client and saved objects as the doubles follow
// them (test/doubles/kibana_alerting.ts, kibana_saved_objects.ts): created once per space as the
// requesting user, found again by the record, a user's changes kept on upgrade, removed by
// uninstall.
import { ASSET_VERSION, PLUGIN_ID } from '../../../common/constants';
import { DETECTION_IDS } from '../../../common/detections';
import { localQueryLanguage } from '../../../dev/query_language';
import type { AlertingUser } from '../../../test/doubles/kibana_alerting';
import {
  ENCRYPTION_KEY_MISSING,
  KibanaAlertingDouble,
} from '../../../test/doubles/kibana_alerting';
import { KibanaSavedObjectsDouble } from '../../../test/doubles/kibana_saved_objects';
import { featureAlerting } from '../alerting/kibana_version';
import {
  DEFAULT_INTERVAL,
  DETECTIONS_RULE_TYPE_ID,
  detectionsRuleType,
} from '../alerting/rule_type';
import type { AlertRulesRecord } from './alert_rules_port';
import {
  ALERT_RULES_RECORD_ID,
  alertingUnavailable,
  alertRulesPort,
  detectionTag,
  RULES_TAG,
} from './alert_rules_port';
import { INSTALLATION_TYPE, savedObjectsRecordStore } from './installation_record';

function kibana(options: { encryptionKey?: boolean; kibanaVersion?: string } = {}) {
  const kibanaVersion = options.kibanaVersion ?? '9.2.0';
  const alerting = new KibanaAlertingDouble({
    kibanaVersion,
    encryptionKey: options.encryptionKey,
    features: () => [
      {
        alerting: featureAlerting(kibanaVersion, [DETECTIONS_RULE_TYPE_ID]).alerting,
        id: PLUGIN_ID,
      } as never,
    ],
  });
  alerting.setup.registerType(detectionsRuleType({ language: localQueryLanguage, kibanaVersion }));
  const savedObjects = new KibanaSavedObjectsDouble({
    kibanaVersion,
    types: [{ name: INSTALLATION_TYPE, namespaceType: 'single', importableAndExportable: false }],
  });
  const start = alerting.start((request) => request as { space: string; user: AlertingUser });
  const port = (space = 'default', user: AlertingUser = { name: 'elastic' }) =>
    alertRulesPort(
      () => start.getRulesClientWithRequest({ space, user }),
      savedObjectsRecordStore<AlertRulesRecord>(savedObjects.client(space), ALERT_RULES_RECORD_ID)
    );
  const client = (space = 'default', user: AlertingUser = { name: 'someone' }) =>
    start.getRulesClientWithRequest({ space, user });
  const record = async (space = 'default') =>
    (
      await savedObjectsRecordStore<AlertRulesRecord>(
        savedObjects.client(space),
        ALERT_RULES_RECORD_ID
      ).read()
    ).record;
  return { alerting, port, client, record, savedObjects };
}

const actions = (r: { results: { action: string }[] }) => new Set(r.results.map((x) => x.action));

test('setup creates one disabled rule per detection, as the user, in the space; a rerun changes nothing', async () => {
  const k = kibana();
  const setup = await k.port('default', { name: 'ops-admin' }).install({});
  expect(setup.mode).toBe('disabled');
  expect(setup.results.map((r) => [r.name, r.action])).toEqual(
    DETECTION_IDS.map((id) => [id, 'installed'])
  );
  const rules = k.alerting.list('default');
  expect(rules).toHaveLength(DETECTION_IDS.length);
  for (const rule of rules) {
    const detection = (rule.params.rules as string[])[0];
    expect(rule).toMatchObject({
      alertTypeId: DETECTIONS_RULE_TYPE_ID,
      consumer: PLUGIN_ID,
      enabled: false,
      tags: [RULES_TAG, detectionTag(detection)],
      schedule: { interval: DEFAULT_INTERVAL },
      actions: [],
    });
    // Disabled: no API key until someone enables it.
    expect(k.alerting.apiKeyOwner(rule.id)).toBeUndefined();
  }
  const status = await k.port().status();
  expect(status).toMatchObject({ available: true, mode: 'disabled' });
  expect(status.rules.map((r) => [r.name, r.state, r.enabled])).toEqual(
    DETECTION_IDS.map((id) => [id, 'installed', false])
  );
  expect(status.rules.every((r) => r.installedVersion === ASSET_VERSION)).toBe(true);
  expect(actions(await k.port().install({}))).toEqual(new Set(['unchanged']));
  expect(k.alerting.list()).toHaveLength(DETECTION_IDS.length);
});

test('enabled rules run as the user who set them up; another space gets its own', async () => {
  const k = kibana();
  await k.port('default', { name: 'ops-admin' }).install({ mode: 'enabled' });
  const [rule] = k.alerting.list('default');
  expect(rule.enabled).toBe(true);
  expect(k.alerting.apiKeyOwner(rule.id)).toBe('ops-admin');
  await k.port('ops').install({ mode: 'disabled' });
  expect(k.alerting.list('ops')).toHaveLength(DETECTION_IDS.length);
  expect((await k.port('ops').status()).rules.every((r) => r.enabled === false)).toBe(true);
  // Ids are Kibana's, different per space.
  const ids = new Set(k.alerting.list().map((r) => r.id));
  expect(ids.size).toBe(2 * DETECTION_IDS.length);
});

test("upgrade keeps a user's schedule, params, actions and enabled state; refreshes ours", async () => {
  const k = kibana();
  await k.port().install({});
  const rules = await k.client();
  const [tuned, untouched] = k.alerting.list('default');
  // A user attaches a connector, tunes a threshold and the schedule, and enables the rule.
  const detection = (tuned.params.rules as string[])[0];
  const userAction = {
    group: 'finding',
    id: 'slack-connector',
    params: { message: '{{context.summary}}' },
    frequency: { summary: false, notifyWhen: 'onActionGroupChange', throttle: null },
  };
  await rules.update({
    id: tuned.id,
    data: {
      name: tuned.name,
      tags: [...tuned.tags, 'team-net'],
      schedule: { interval: '1h' },
      params: { ...tuned.params, window: '3h' },
      actions: [userAction],
    },
  });
  await rules.bulkEnableRules({ ids: [tuned.id] });
  const statusAfterEdit = await k.port().status();
  expect(statusAfterEdit.rules.find((r) => r.id === tuned.id)?.state).toBe('modified');
  expect(statusAfterEdit.rules.find((r) => r.id === untouched.id)?.state).toBe('installed');
  // Same release: the user's rule is kept as it is.
  const same = await k.port().install({});
  expect(same.results.find((r) => r.id === tuned.id)).toMatchObject({
    action: 'unchanged',
    note: 'changed in Kibana since setup; kept',
  });

  // An earlier release installed them (its record says so), and named them otherwise.
  const before = (await k.record())!;
  await savedObjectsRecordStore<AlertRulesRecord>(
    k.savedObjects.client('default'),
    ALERT_RULES_RECORD_ID
  ).write({ ...before, version: '0.1.0' });
  await rules.update({
    id: untouched.id,
    data: { ...untouched, name: 'old name' },
  });
  const recorded = (await k.record())!;
  await savedObjectsRecordStore<AlertRulesRecord>(
    k.savedObjects.client('default'),
    ALERT_RULES_RECORD_ID
  ).write({
    ...recorded,
    rules: recorded.rules.map((r) =>
      r.id === untouched.id ? { ...r, revision: r.revision + 1 } : r
    ),
  });
  expect((await k.port().status()).rules.find((r) => r.id === untouched.id)?.state).toBe(
    'outdated'
  );
  const upgrade = await k.port().install({});
  expect(upgrade.results.find((r) => r.id === tuned.id)).toMatchObject({
    action: 'updated',
    note: 'your schedule, parameters and actions kept',
  });
  expect(upgrade.results.find((r) => r.id === untouched.id)).toMatchObject({ action: 'updated' });
  const [after] = k.alerting.list('default').filter((r) => r.id === tuned.id);
  expect(after).toMatchObject({
    name: expect.stringMatching(/^Network Observability: /),
    schedule: { interval: '1h' },
    params: { rules: [detection], window: '3h' },
    actions: [userAction],
    enabled: true,
    tags: expect.arrayContaining([RULES_TAG, detectionTag(detection), 'team-net']),
  });
  expect(k.alerting.list('default').find((r) => r.id === untouched.id)?.name).toMatch(
    /^Network Observability: /
  );
  // Recorded again: installed now, at this release.
  const status = await k.port().status();
  expect(new Set(status.rules.map((r) => r.state))).toEqual(new Set(['installed']));
  expect((await k.record())?.version).toBe(ASSET_VERSION);
});

test('force resets schedule and params but keeps actions and enabled state', async () => {
  const k = kibana();
  await k.port().install({});
  const rules = await k.client();
  const [rule] = k.alerting.list('default');
  const action = {
    group: 'finding',
    id: 'email',
    params: {},
    frequency: { summary: false, notifyWhen: 'onActiveAlert', throttle: null },
  };
  await rules.update({
    id: rule.id,
    data: { ...rule, schedule: { interval: '2h' }, actions: [action] },
  });
  await k.port().install({ force: true });
  const [forced] = k.alerting.list('default');
  expect(forced.schedule).toEqual({ interval: DEFAULT_INTERVAL });
  expect(forced.actions).toEqual([action]);
});

test('a lost record: our tagged rules are adopted, not duplicated, and keep what users set', async () => {
  const k = kibana();
  await k.port().install({});
  await savedObjectsRecordStore(k.savedObjects.client('default'), ALERT_RULES_RECORD_ID).remove();
  const [rule] = k.alerting.list('default');
  await (
    await k.client()
  ).update({
    id: rule.id,
    data: { ...rule, schedule: { interval: '3h' } },
  });
  expect(new Set((await k.port().status()).rules.map((r) => r.state))).toEqual(
    new Set(['outdated'])
  );
  const setup = await k.port().install({});
  expect(actions(setup)).toEqual(new Set(['updated']));
  expect(k.alerting.list('default')).toHaveLength(DETECTION_IDS.length);
  expect(k.alerting.list('default').find((r) => r.id === rule.id)?.schedule.interval).toBe('3h');
});

test('a rule deleted in Kibana is missing, and setup creates it again', async () => {
  const k = kibana();
  await k.port().install({});
  const [rule] = k.alerting.list('default');
  await (await k.client()).delete({ id: rule.id });
  const status = await k.port().status();
  expect(status.rules.filter((r) => r.state === 'missing')).toHaveLength(1);
  const setup = await k.port().install({});
  expect(setup.results.filter((r) => r.action === 'installed')).toHaveLength(1);
  expect(k.alerting.list('default')).toHaveLength(DETECTION_IDS.length);
});

test("'none' creates nothing and status does not call them missing; a changed choice applies", async () => {
  const k = kibana();
  const none = await k.port().install({ mode: 'none' });
  expect(none.results).toEqual([]);
  expect(k.alerting.list()).toEqual([]);
  expect(await k.port().status()).toEqual({ available: true, mode: 'none', rules: [] });
  await k.port().install({ mode: 'disabled' });
  // Without the option, the space's choice stays.
  expect((await k.port().install({})).mode).toBe('disabled');
  const enabled = await k.port().install({ mode: 'enabled' });
  expect(enabled.results.every((r) => r.note === 'enabled')).toBe(true);
  expect(k.alerting.list().every((r) => r.enabled)).toBe(true);
  // Rerunning with the same choice leaves a rule a user disabled alone.
  const [rule] = k.alerting.list();
  await (await k.client()).bulkDisableRules({ ids: [rule.id] });
  await k.port().install({ mode: 'enabled' });
  expect(k.alerting.list().find((r) => r.id === rule.id)?.enabled).toBe(false);
});

test('uninstall removes our rules in this space only, and a user rule of our type stays', async () => {
  const k = kibana();
  await k.port().install({});
  await k.port('ops').install({});
  const mine = await (
    await k.client()
  ).create({
    data: {
      name: 'my own',
      alertTypeId: DETECTIONS_RULE_TYPE_ID,
      consumer: PLUGIN_ID,
      enabled: false,
      tags: [],
      schedule: { interval: '5m' },
      params: { rules: ['port_scan'], window: '5m' },
      actions: [],
    },
  });
  const removed = await k.port().uninstall();
  expect(actions(removed)).toEqual(new Set(['removed']));
  expect(k.alerting.list('default').map((r) => r.id)).toEqual([mine.id]);
  expect(k.alerting.list('ops')).toHaveLength(DETECTION_IDS.length);
  expect(await k.record()).toBeUndefined();
  expect((await k.port().status()).rules.every((r) => r.state === 'missing')).toBe(true);
});

test('without an encryption key or the plugin, alerting is unavailable and nothing fails', async () => {
  const k = kibana({ encryptionKey: false });
  expect(await k.port().status()).toEqual({
    available: false,
    reason: ENCRYPTION_KEY_MISSING,
    rules: [],
  });
  const setup = await k.port().install({});
  expect(setup.available).toBe(false);
  expect(setup.results.every((r) => r.action === 'skipped')).toBe(true);
  expect(setup.results[0].note).toBe(`Kibana alerting is unavailable: ${ENCRYPTION_KEY_MISSING}`);
  const none = alertingUnavailable('no alerting plugin');
  expect(await none.status()).toEqual({
    available: false,
    reason: 'no alerting plugin',
    rules: [],
  });
  expect(await none.uninstall()).toEqual({
    available: false,
    reason: 'no alerting plugin',
    results: [],
  });
  expect(await none.installedVersion()).toBeUndefined();
});

test('a user who may not see our rules reads them as unreadable; the rules client refuses bad params', async () => {
  const k = kibana();
  await k.port().install({});
  const status = await k.port('default', { name: 'guest', privilege: 'none' }).status();
  expect(new Set(status.rules.map((r) => r.state))).toEqual(new Set(['unreadable']));
  const rules = await k.client();
  const [rule] = k.alerting.list('default');
  await expect(
    rules.update({ id: rule.id, data: { ...rule, params: { ...rule.params, window: '9d' } } })
  ).rejects.toMatchObject({
    output: { statusCode: 400 },
    message: expect.stringMatching(/^params invalid: \[window\]/),
  });
});
