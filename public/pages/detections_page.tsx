// Detections: the catalog's rules (common/detections) run over the header's time range and query
// by POST /detections; the findings most severe first, each opening its evidence, timeline and
// next steps; a second tab lists the catalog itself. The rules chosen and the tab live in the
// URL beside _g/_a.
import React, { useEffect, useState } from 'react';
import {
  EuiEmptyPrompt,
  EuiFlexGroup,
  EuiFlexItem,
  EuiSpacer,
  EuiTab,
  EuiTabs,
  EuiText,
} from '@elastic/eui';
import { INTERNAL_API_BASE } from '../../common/constants';
import type { DetectionId, Finding } from '../../common/detections';
import { DETECTION_CATALOG, detectionRule, entityKey } from '../../common/detections';
import type { DetectionsTab } from '../components/detections/detections_params';
import {
  readRules,
  readTab,
  writeRules,
  writeTab,
} from '../components/detections/detections_params';
import { FindingFlyout } from '../components/detections/finding_flyout';
import { FindingsTable } from '../components/detections/findings_table';
import { RuleCatalog } from '../components/detections/rule_catalog';
import { RuleFilter } from '../components/detections/rule_filter';
import { ErrorCallout } from '../components/error_callout';
import { LoadingPanel } from '../components/loading_panel';
import { useQueryState } from '../context/query_state_context';
import { useRoute } from '../context/route_context';
import { useServices } from '../context/services_context';
import { useAsync } from '../hooks/use_async';

/** What the route answers (server/lib/analytics/detections.ts). */
export interface DetectionsAnswer {
  findings: Finding[];
  rules: DetectionId[];
}

const TAB_LABELS: Record<DetectionsTab, string> = {
  findings: 'Findings',
  catalog: 'Rule catalog',
};

function ruleTitles(rules: DetectionId[]): string {
  return rules.map((id) => detectionRule(id).title).join(', ');
}

function NoFindings({ answer, kql }: { answer: DetectionsAnswer; kql: string }) {
  return (
    <EuiEmptyPrompt
      data-test-subj="detections-none"
      iconType="check"
      title={<h2>No findings in this time range</h2>}
      body={
        <p>
          {answer.rules.length === DETECTION_CATALOG.length ? 'All ' : ''}
          {answer.rules.length} rule{answer.rules.length === 1 ? '' : 's'} ran
          {kql ? ' on the documents matching the query' : ''}:{' '}
          <span data-test-subj="detections-none-rules">{ruleTitles(answer.rules)}</span>. Try a
          longer time range{kql ? ', a wider query' : ''} or more rules.
        </p>
      }
    />
  );
}

function Findings() {
  const { http } = useServices();
  const { search, replaceSearch } = useRoute();
  const { range, kql, refreshKey, reportOutcome } = useQueryState();
  const rules = readRules(search);
  const rulesKey = rules?.join(',') ?? '';
  const answer = useAsync(
    (signal) =>
      http.post<DetectionsAnswer>(
        `${INTERNAL_API_BASE}/detections`,
        { from: range.from, to: range.to, ...(rules ? { rules } : {}), ...(kql ? { kql } : {}) },
        { signal }
      ),
    [http, range.from, range.to, rulesKey, kql, refreshKey]
  );
  // The open finding, by entity: it stays open while a refresh brings the same finding back.
  const [openKey, setOpenKey] = useState<string>();
  const open = answer.data?.findings.find((finding) => entityKey(finding) === openKey);

  // A 400 is the query's fault: the query bar says why and the last findings stay (as the
  // overview does); anything else is this page's error.
  const refused = answer.errorStatus === 400 ? answer.error : undefined;
  useEffect(() => {
    if (answer.loading) return;
    reportOutcome(refused ? { error: refused } : { warnings: [] });
  }, [answer.loading, refused, reportOutcome]);
  useEffect(() => () => reportOutcome({}), [reportOutcome]);

  let body: React.ReactNode;
  if (answer.error && !refused) {
    body = (
      <ErrorCallout
        title="Could not run the detections"
        message={answer.error}
        onRetry={answer.reload}
      />
    );
  } else if (!answer.data && refused) {
    body = (
      <EuiEmptyPrompt
        data-test-subj="detections-query-refused"
        iconType="search"
        title={<h2>Fix the query to see findings</h2>}
        body={<p>The reason is under the query bar.</p>}
      />
    );
  } else if (!answer.data) {
    body = <LoadingPanel label="Running the detection rules…" />;
  } else if (answer.data.findings.length === 0) {
    body = <NoFindings answer={answer.data} kql={kql} />;
  } else {
    body = (
      <FindingsTable findings={answer.data.findings} onOpen={(f) => setOpenKey(entityKey(f))} />
    );
  }

  return (
    <div
      data-test-subj="detections-findings"
      aria-busy={answer.loading}
      data-stale={refused ? 'true' : undefined}
    >
      <EuiFlexGroup alignItems="center" gutterSize="m" responsive={false}>
        <EuiFlexItem grow={false}>
          <RuleFilter
            selected={rules}
            onChange={(next) => replaceSearch(writeRules(search, next))}
          />
        </EuiFlexItem>
        <EuiFlexItem>
          <EuiText size="s" color="subdued" data-test-subj="detections-count">
            {answer.data &&
              `${answer.data.findings.length} finding${answer.data.findings.length === 1 ? '' : 's'} from ${answer.data.rules.length} rule${answer.data.rules.length === 1 ? '' : 's'}, most severe and most recent first`}
          </EuiText>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      {body}
      {open && <FindingFlyout finding={open} range={range} onClose={() => setOpenKey(undefined)} />}
    </div>
  );
}

export function DetectionsPage() {
  const { search, replaceSearch } = useRoute();
  const tab = readTab(search);
  return (
    <div data-test-subj="detections">
      <EuiTabs aria-label="Detections" size="s">
        {(Object.keys(TAB_LABELS) as DetectionsTab[]).map((id) => (
          <EuiTab
            key={id}
            isSelected={tab === id}
            onClick={() => replaceSearch(writeTab(search, id))}
            data-test-subj={`detections-tab-${id}`}
          >
            {TAB_LABELS[id]}
          </EuiTab>
        ))}
      </EuiTabs>
      <EuiSpacer size="m" />
      {tab === 'findings' ? <Findings /> : <RuleCatalog />}
    </div>
  );
}
