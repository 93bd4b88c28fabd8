// The alerting side of setup, for one Kibana space: one rule of our type per detection of the
// catalog, created through the rules client of the request (its space, its user). A record in
// the space (a saved object of our installation type, apart from the saved objects' record)
// keeps each rule's id and the `revision` Kibana gave it after our last write: Kibana bumps
// `revision` on every update that changes a rule's name, tags, schedule, params or actions, and
// not on enable/disable, so a higher revision means a user changed it. Status: missing, modified
// (a user's change), outdated/newer (another release wrote it), installed. Setup creates what is
// missing (enabled or disabled as asked), and on upgrade refreshes our name and tags, keeping the
// user's schedule, parameters, actions and enabled state; an untouched rule also gets the new
// release's schedule and parameters. Uninstall deletes our rules.
//
// Kibana contracts (docs/kibana-compatibility.md, "Alerting"): rule ids are unique across spaces
// (the `alert` saved object is multiple-isolated), so Kibana generates them and we record them;
// rules are hidden saved objects, reachable only through the rules client; `find` filters with
// KQL on `alert.attributes.*`.
import { ASSET_VERSION, PLUGIN_ID } from '../../../common/constants';
import type {
  AlertingSetupResult,
  AlertingStatus,
  AlertRuleSetupResult,
  AlertRuleStatusEntry,
  AlertRulesMode,
} from '../../../common/api_types';
import type { DetectionRule, ParamValues } from '../../../common/detections';
import { DETECTION_CATALOG } from '../../../common/detections';
import { DEFAULT_INTERVAL, DEFAULT_WINDOW, DETECTIONS_RULE_TYPE_ID } from '../alerting/rule_type';
import type { RuleLike, RulesClientLike, UpdateRuleData } from '../alerting/rules_client';
import type { RecordStore } from './installation_record';
import { compareVersions } from './installation_errors';
import { savedObjectErrorStatus } from './saved_objects_client';

/** The tag every rule setup creates carries, and the one naming its detection. */
export const RULES_TAG = 'netobs';
export const detectionTag = (id: string) => `netobs-detection:${id}`;
/** The id of the rules' record (INSTALLATION_TYPE) in each space. */
export const ALERT_RULES_RECORD_ID = 'network-observability-alert-rules';

export interface InstalledRule {
  /** The detection's id. */
  name: string;
  /** The rule's id in Kibana. */
  id: string;
  /** The rule's revision right after our last write. */
  revision: number;
}

export interface AlertRulesRecord {
  version: string;
  mode: AlertRulesMode;
  installedAt: string;
  rules: InstalledRule[];
}

export interface AlertRulesPort {
  installedVersion(): Promise<string | undefined>;
  status(): Promise<AlertingStatus>;
  install(options: { mode?: AlertRulesMode; force?: boolean }): Promise<AlertingSetupResult>;
  uninstall(): Promise<AlertingSetupResult>;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What setup writes for a detection: our name, tags, schedule and params. */
export function ourRule(detection: DetectionRule<ParamValues>) {
  return {
    name: `Network Observability: ${detection.title}`,
    tags: [RULES_TAG, detectionTag(detection.id)],
    schedule: { interval: DEFAULT_INTERVAL },
    params: { rules: [detection.id], window: DEFAULT_WINDOW } as Record<string, unknown>,
  };
}

/**
 * The update an upgrade sends: our name, and our tags beside the user's; the user's schedule,
 * params (our new keys merged under theirs) and actions when they changed the rule, ours
 * otherwise. Actions and notification settings always stay the user's.
 */
export function upgradedRule(
  current: RuleLike,
  detection: DetectionRule<ParamValues>,
  keepUsers: boolean
): UpdateRuleData {
  const ours = ourRule(detection);
  const notification = Object.fromEntries(
    (['throttle', 'notifyWhen', 'alertDelay', 'flapping'] as const)
      .filter((key) => current[key] !== undefined && current[key] !== null)
      .map((key) => [key, current[key]])
  );
  return {
    name: ours.name,
    tags: [...new Set([...ours.tags, ...current.tags])],
    schedule: keepUsers ? current.schedule : ours.schedule,
    params: keepUsers ? { ...ours.params, ...current.params } : ours.params,
    // What `get`/`find` answer is what update takes back (actionRequestSchema).
    actions: current.actions.map(({ actionTypeId: _type, ...action }) => action),
    ...(current.systemActions?.length
      ? { systemActions: current.systemActions.map(({ actionTypeId: _t, ...a }) => a) }
      : {}),
    ...notification,
  };
}

type State = AlertRuleStatusEntry['state'];

interface Assessed {
  detection: DetectionRule<ParamValues>;
  entry?: InstalledRule;
  rule?: RuleLike;
  state: State;
}

/**
 * The port over a request's rules client. `rulesClient` is called lazily: Kibana throws there
 * when alerting cannot run (no encryption key), and that makes alerting "unavailable".
 */
export function alertRulesPort(
  rulesClient: () => Promise<RulesClientLike>,
  records: RecordStore<AlertRulesRecord>,
  options: { now?: () => Date } = {}
): AlertRulesPort {
  const now = options.now ?? (() => new Date());

  async function client(): Promise<RulesClientLike | { unavailable: string }> {
    try {
      return await rulesClient();
    } catch (error) {
      return { unavailable: errorMessage(error) };
    }
  }

  async function ours(rules: RulesClientLike): Promise<RuleLike[]> {
    const filter =
      `alert.attributes.alertTypeId:"${DETECTIONS_RULE_TYPE_ID}" and ` +
      `alert.attributes.tags:"${RULES_TAG}"`;
    const found: RuleLike[] = [];
    for (let page = 1; ; page += 1) {
      const answer = await rules.find({ options: { filter, perPage: 100, page } });
      found.push(...answer.data);
      if (answer.data.length === 0 || found.length >= answer.total) return found;
    }
  }

  async function assess(rules: RulesClientLike) {
    const { tracked, record } = await records.read();
    const found = await ours(rules);
    const byId = new Map(found.map((rule) => [rule.id, rule]));
    const all = DETECTION_CATALOG.map((detection): Assessed => {
      const entry = record?.rules.find((r) => r.name === detection.id);
      const rule =
        (entry && byId.get(entry.id)) ??
        found.find((candidate) => candidate.tags.includes(detectionTag(detection.id)));
      if (!rule) return { detection, entry, state: 'missing' };
      // Ours by its tags but not recorded here (a lost record, an earlier release): adopted.
      if (!entry || entry.id !== rule.id)
        return { detection, rule, state: tracked ? 'outdated' : 'installed' };
      if (rule.revision !== entry.revision) return { detection, entry, rule, state: 'modified' };
      const order = compareVersions(record?.version ?? '0', ASSET_VERSION);
      return {
        detection,
        entry,
        rule,
        state: order < 0 ? 'outdated' : order > 0 ? 'newer' : 'installed',
      };
    });
    return { tracked, record, all };
  }

  const unavailable = (reason: string) => ({ available: false, reason });

  return {
    async installedVersion() {
      const rules = await client();
      if ('unavailable' in rules) return undefined;
      return (await records.read()).record?.version;
    },

    async status(): Promise<AlertingStatus> {
      const rules = await client();
      if ('unavailable' in rules) return { ...unavailable(rules.unavailable), rules: [] };
      let assessed: Awaited<ReturnType<typeof assess>>;
      try {
        assessed = await assess(rules);
      } catch (error) {
        // A user without alerting privileges for our rule type may not find them.
        if (savedObjectErrorStatus(error) !== 403) throw error;
        return {
          available: true,
          rules: DETECTION_CATALOG.map((d) => ({
            name: d.id,
            state: 'unreadable',
            reason: errorMessage(error),
          })),
        };
      }
      const { record, all } = assessed;
      const mode = record?.mode;
      return {
        available: true,
        ...(mode ? { mode } : {}),
        rules: all
          // Rules a user chose not to have are not missing.
          .filter((a) => !(mode === 'none' && a.state === 'missing'))
          .map(({ detection, rule, state }) => ({
            name: detection.id,
            ...(rule ? { id: rule.id, enabled: rule.enabled } : {}),
            state,
            ...(record && rule ? { installedVersion: record.version } : {}),
          })),
      };
    },

    async install({ mode: asked, force }): Promise<AlertingSetupResult> {
      const rules = await client();
      if ('unavailable' in rules) {
        const results = DETECTION_CATALOG.map((d): AlertRuleSetupResult => ({
          name: d.id,
          action: 'skipped',
          note: `Kibana alerting is unavailable: ${rules.unavailable}`,
        }));
        return { ...unavailable(rules.unavailable), results: asked === 'none' ? [] : results };
      }
      const { tracked, record, all } = await assess(rules);
      const mode: AlertRulesMode = asked ?? record?.mode ?? 'disabled';
      // A changed choice applies to the rules already there; otherwise their state is the user's.
      const switchTo =
        asked && record && record.mode !== asked && asked !== 'none' ? asked : undefined;
      const older = !record || compareVersions(record.version, ASSET_VERSION) < 0;
      const results: AlertRuleSetupResult[] = [];
      const entries: InstalledRule[] = [];
      const toggle: string[] = [];
      for (const a of all) {
        const base = { name: a.detection.id };
        const keep = (rule: RuleLike, entry?: InstalledRule) =>
          entries.push(entry ?? { name: a.detection.id, id: rule.id, revision: rule.revision });
        try {
          if (!a.rule) {
            if (mode === 'none') continue;
            const created = await rules.create({
              data: {
                ...ourRule(a.detection),
                alertTypeId: DETECTIONS_RULE_TYPE_ID,
                consumer: PLUGIN_ID,
                enabled: mode === 'enabled',
                actions: [],
              },
            });
            keep(created);
            results.push({
              ...base,
              id: created.id,
              action: 'installed',
              ...(created.enabled
                ? {}
                : {
                    note: 'disabled: enable it (and attach connectors) in Stack Management → Rules',
                  }),
            });
            continue;
          }
          if (switchTo && a.rule.enabled !== (switchTo === 'enabled')) toggle.push(a.rule.id);
          // A user's change is kept as it is until a new release has something to refresh.
          const upgrade = force || a.state === 'outdated' || (a.state === 'modified' && older);
          if (!upgrade || mode === 'none') {
            keep(a.rule, a.entry);
            results.push({
              ...base,
              id: a.rule.id,
              action: 'unchanged',
              ...(a.state === 'modified' ? { note: 'changed in Kibana since setup; kept' } : {}),
            });
            continue;
          }
          // A rule a user changed, or one we cannot vouch for (adopted), keeps the user's settings.
          const keepUsers = !force && (a.state === 'modified' || !a.entry);
          const updated = await rules.update({
            id: a.rule.id,
            data: upgradedRule(a.rule, a.detection, keepUsers),
          });
          keep(updated);
          results.push({
            ...base,
            id: updated.id,
            action: 'updated',
            ...(keepUsers ? { note: 'your schedule, parameters and actions kept' } : {}),
          });
        } catch (error) {
          if (a.entry) entries.push(a.entry);
          results.push({ ...base, action: 'failed', error: errorMessage(error) });
        }
      }
      if (toggle.length > 0) {
        const toggled = results.filter((r) => r.id && toggle.includes(r.id));
        const fail = (r: AlertRuleSetupResult, message: string) =>
          Object.assign(r, { action: 'failed', error: `not ${switchTo}: ${message}` });
        try {
          const answer =
            switchTo === 'enabled'
              ? await rules.bulkEnableRules({ ids: toggle })
              : await rules.bulkDisableRules({ ids: toggle });
          const errors = new Map((answer.errors ?? []).map((e) => [e.rule.id, e.message]));
          for (const r of toggled) {
            const error = errors.get(r.id!);
            if (error) fail(r, error);
            else r.note = [r.note, switchTo].filter(Boolean).join('; ');
          }
        } catch (error) {
          for (const r of toggled) fail(r, errorMessage(error));
        }
      }
      if (tracked) {
        const failed = results.some((r) => r.action === 'failed');
        await records.write({
          // A partly failed upgrade keeps the older version, so the next setup tries again.
          version: failed && record ? record.version : ASSET_VERSION,
          mode,
          installedAt: now().toISOString(),
          rules: entries,
        });
      }
      return { available: true, mode, results };
    },

    async uninstall(): Promise<AlertingSetupResult> {
      const rules = await client();
      if ('unavailable' in rules) return { ...unavailable(rules.unavailable), results: [] };
      const { all } = await assess(rules);
      const results: AlertRuleSetupResult[] = [];
      for (const { detection, rule } of all) {
        const base = { name: detection.id };
        if (!rule) {
          results.push({ ...base, action: 'skipped', note: 'not installed' });
          continue;
        }
        try {
          await rules.delete({ id: rule.id });
          results.push({ ...base, id: rule.id, action: 'removed' });
        } catch (error) {
          results.push(
            savedObjectErrorStatus(error) === 404
              ? { ...base, action: 'skipped', note: 'not installed' }
              : { ...base, action: 'failed', error: errorMessage(error) }
          );
        }
      }
      if (!results.some((r) => r.action === 'failed')) await records.remove();
      return { available: true, results };
    },
  };
}

/** The port where Kibana has no alerting plugin: status and setup say so, nothing fails. */
export function alertingUnavailable(reason: string): AlertRulesPort {
  return alertRulesPort(() => Promise.reject(new Error(reason)), {
    read: () => Promise.resolve({ tracked: false }),
    write: () => Promise.resolve(),
    remove: () => Promise.resolve(),
  });
}
