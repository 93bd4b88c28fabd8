// The findings, in the server's order (most severe, then most recent first): severity, rule,
// the entity concerned (its fields and values), when, and the one-line evidence summary; a row's
// button opens its detail.
import React from 'react';
import type { EuiBasicTableColumn } from '@elastic/eui';
import { EuiBasicTable, EuiButtonIcon, EuiText, EuiToolTip } from '@elastic/eui';
import type { Finding } from '../../../common/detections';
import { entityKey } from '../../../common/detections';
import { entityRows } from './evidence_labels';
import { findingWhen } from './finding_time';
import { SeverityHealth } from './severity_health';

export function EntityCell({ entity }: { entity: Finding['entity'] }) {
  return (
    <div data-test-subj="finding-entity">
      {entityRows(entity).map((row) => (
        <div key={row.key}>
          <EuiText size="xs" color="subdued" component="span">
            {row.key}
          </EuiText>{' '}
          <strong data-field={row.key}>{row.text}</strong>
        </div>
      ))}
    </div>
  );
}

export function WhenCell({ finding }: { finding: Pick<Finding, 'firstSeen' | 'lastSeen'> }) {
  const when = findingWhen(finding.firstSeen, finding.lastSeen);
  return (
    <div
      data-test-subj="finding-when"
      data-first-seen={finding.firstSeen}
      data-last-seen={finding.lastSeen}
    >
      <div>{when.relative}</div>
      <EuiText size="xs" color="subdued">
        {when.absolute}
      </EuiText>
    </div>
  );
}

export function FindingsTable({
  findings,
  onOpen,
}: {
  findings: Finding[];
  onOpen(finding: Finding): void;
}) {
  const columns: Array<EuiBasicTableColumn<Finding>> = [
    {
      field: 'severity',
      name: 'Severity',
      width: '100px',
      render: (severity: Finding['severity']) => <SeverityHealth severity={severity} />,
    },
    {
      field: 'title',
      name: 'Rule',
      width: '16em',
      render: (title: string) => <span data-test-subj="finding-rule">{title}</span>,
    },
    {
      field: 'entity',
      name: 'Entity',
      width: '16em',
      render: (entity: Finding['entity']) => <EntityCell entity={entity} />,
    },
    {
      name: 'When',
      width: '20em',
      render: (finding: Finding) => <WhenCell finding={finding} />,
    },
    {
      field: 'summary',
      name: 'Evidence',
      render: (summary: string) => <span data-test-subj="finding-summary">{summary}</span>,
    },
    {
      name: '',
      width: '48px',
      render: (finding: Finding) => (
        <EuiToolTip content="Details, timeline and links">
          <EuiButtonIcon
            iconType="inspect"
            aria-label={`Details of ${finding.title} (${entityRows(finding.entity)
              .map((row) => row.text)
              .join(', ')})`}
            data-test-subj="finding-open"
            onClick={() => onOpen(finding)}
          />
        </EuiToolTip>
      ),
    },
  ];
  return (
    <EuiBasicTable
      tableCaption="Findings, most severe first"
      items={findings}
      columns={columns}
      rowProps={(finding: Finding) => ({
        'data-test-subj': 'finding-row',
        'data-rule': finding.rule,
        'data-entity': entityKey(finding),
      })}
    />
  );
}
