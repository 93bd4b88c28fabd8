// The detection catalog as users read it: per rule, what it finds and means, what to do, its
// severity and ATT&CK techniques, its parameters with their defaults, and how far Kibana's
// built-in Elasticsearch query rule (`.es-query`) can recreate it without this plugin.
import React from 'react';
import type { EuiBasicTableColumn } from '@elastic/eui';
import {
  EuiBasicTable,
  EuiCode,
  EuiDescriptionList,
  EuiFlexGroup,
  EuiFlexItem,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import type { DetectionRule, ParamSpec, ParamValues } from '../../../common/detections';
import { DETECTION_CATALOG } from '../../../common/detections';
import { ALL_SOURCES } from '../../../common/sources';
import { formatNumber } from '../../lib/format';
import { AttackLinks } from './attack_links';
import { SeverityHealth } from './severity_health';

interface ParamRow {
  name: string;
  spec: ParamSpec;
}

export function formatDefault(spec: ParamSpec): string {
  return spec.kind === 'ports' ? spec.default.join(', ') : formatNumber(spec.default);
}

/** Text with `code` spans, as the catalog's `.es-query` notes are written. */
export function CodeSpans({ text }: { text: string }) {
  return (
    <>
      {text
        .split('`')
        .map((part, i) =>
          i % 2 ? <EuiCode key={i}>{part}</EuiCode> : <span key={i}>{part}</span>
        )}
    </>
  );
}

const PARAM_COLUMNS: Array<EuiBasicTableColumn<ParamRow>> = [
  {
    field: 'name',
    name: 'Parameter',
    width: '16em',
    render: (name: string) => <EuiCode>{name}</EuiCode>,
  },
  {
    name: 'Default',
    width: '12em',
    render: (row: ParamRow) => (
      <span data-test-subj={`rule-param-${row.name}`}>{formatDefault(row.spec)}</span>
    ),
  },
  { name: 'Meaning', render: (row: ParamRow) => row.spec.description },
];

function RuleCard({ rule }: { rule: DetectionRule<ParamValues> }) {
  const params = Object.entries(rule.params).map(([name, spec]) => ({ name, spec }));
  return (
    <EuiPanel hasBorder data-test-subj="catalog-rule" data-rule={rule.id}>
      <EuiFlexGroup alignItems="center" gutterSize="s" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiTitle size="s">
            <h2>{rule.title}</h2>
          </EuiTitle>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiCode>{rule.id}</EuiCode>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <SeverityHealth severity={rule.severity} />
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      <EuiDescriptionList
        type="column"
        compressed
        columnWidths={[1, 4]}
        listItems={[
          { title: 'What it means', description: rule.meaning },
          { title: 'What to do', description: rule.response },
          { title: 'Data', description: ALL_SOURCES[rule.source].title },
          { title: 'MITRE ATT&CK', description: <AttackLinks techniques={rule.attack} /> },
          {
            title: 'As a Kibana Elasticsearch query rule',
            description: (
              <span data-test-subj="rule-es-query">
                <CodeSpans text={rule.esQuery} />
              </span>
            ),
          },
        ]}
      />
      <EuiSpacer size="m" />
      <EuiBasicTable
        tableCaption={`Parameters of ${rule.title}`}
        items={params}
        columns={PARAM_COLUMNS}
        compressed
      />
    </EuiPanel>
  );
}

export function RuleCatalog() {
  return (
    <div data-test-subj="detections-catalog">
      <EuiText size="s" color="subdued">
        <p>
          Each rule is one aggregation search over the time range, as the current user; the query
          bar narrows it. Parameters show their defaults.
        </p>
      </EuiText>
      <EuiSpacer size="m" />
      {DETECTION_CATALOG.map((rule) => (
        <React.Fragment key={rule.id}>
          <RuleCard rule={rule} />
          <EuiSpacer size="m" />
        </React.Fragment>
      ))}
    </div>
  );
}
