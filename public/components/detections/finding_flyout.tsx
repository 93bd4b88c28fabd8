// One finding in full: what was found and when, every evidence figure labelled, what the rule
// means and what to do, its ATT&CK techniques, the evidence over time, and where to go next:
// Discover on its documents, the connection doctor for the connection it concerns, the scan
// timeline for a scanner.
import React from 'react';
import {
  EuiButton,
  EuiDescriptionList,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutHeader,
  EuiHorizontalRule,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import type { Finding } from '../../../common/detections';
import { detectionRule } from '../../../common/detections';
import { useRoute } from '../../context/route_context';
import type { TimeRangeStrings } from '../../lib/discover_links';
import { DiscoverLink } from '../discover_link';
import { writeScanSource } from '../scans/scan_params';
import { writeConnectionParams } from '../troubleshoot/connection_params';
import { AttackLinks } from './attack_links';
import { entityRows, evidenceRows } from './evidence_labels';
import { scanSourceOf, troubleshootPrefill } from './finding_links';
import { FindingTimeline } from './finding_timeline';
import { WhenCell } from './findings_table';
import { SeverityHealth } from './severity_health';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <EuiTitle size="xs">
        <h3>{title}</h3>
      </EuiTitle>
      <EuiSpacer size="s" />
      {children}
      <EuiSpacer size="l" />
    </>
  );
}

/** Buttons to the other investigations that apply, keeping the time range and query (_g/_a). */
function NextSteps({ finding }: { finding: Finding }) {
  const { navigate, search, replaceSearch } = useRoute();
  const prefill = troubleshootPrefill(finding);
  const scanner = scanSourceOf(finding);
  // As TroubleshootLink does: the page's search part goes with the path, then gets our params.
  const go = (page: 'troubleshoot' | 'scans', next: string) => {
    navigate(page);
    replaceSearch(next);
  };
  if (!prefill && !scanner) return null;
  return (
    <EuiFlexGroup gutterSize="s" wrap responsive={false}>
      {prefill && (
        <EuiFlexItem grow={false}>
          <EuiButton
            size="s"
            iconType="wrench"
            data-test-subj="finding-troubleshoot"
            onClick={() => go('troubleshoot', writeConnectionParams(search, prefill.values))}
          >
            Troubleshoot {prefill.values.a} → {prefill.values.b}:{prefill.values.port}
          </EuiButton>
          {prefill.note && (
            <EuiText size="xs" color="subdued">
              {prefill.note}
            </EuiText>
          )}
        </EuiFlexItem>
      )}
      {scanner && (
        <EuiFlexItem grow={false}>
          <EuiButton
            size="s"
            iconType="chartBarVerticalStack"
            data-test-subj="finding-scans"
            onClick={() => go('scans', writeScanSource(search, scanner))}
          >
            Scan timeline of {scanner}
          </EuiButton>
        </EuiFlexItem>
      )}
    </EuiFlexGroup>
  );
}

export function FindingFlyout({
  finding,
  range,
  onClose,
}: {
  finding: Finding;
  range: TimeRangeStrings;
  onClose(): void;
}) {
  const rule = detectionRule(finding.rule);
  const list = (rows: ReturnType<typeof evidenceRows>, subj: string) =>
    rows.map((row) => ({
      title: row.label,
      description: (
        <span data-test-subj={`${subj}-${row.key}`} data-value={row.raw}>
          {row.text}
        </span>
      ),
    }));
  return (
    <EuiFlyout
      onClose={onClose}
      size="m"
      ownFocus
      aria-labelledby="finding-flyout-title"
      data-test-subj="finding-flyout"
      data-rule={finding.rule}
    >
      <EuiFlyoutHeader hasBorder>
        <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
          <EuiFlexItem grow={false}>
            <SeverityHealth severity={finding.severity} />
          </EuiFlexItem>
          <EuiFlexItem>
            <EuiTitle size="s">
              <h2 id="finding-flyout-title">{finding.title}</h2>
            </EuiTitle>
          </EuiFlexItem>
        </EuiFlexGroup>
        <EuiSpacer size="s" />
        <EuiText size="s">
          <p data-test-subj="finding-flyout-summary">{finding.summary}</p>
        </EuiText>
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        <Section title="Concerns">
          <EuiDescriptionList
            type="column"
            compressed
            listItems={list(entityRows(finding.entity), 'finding-entity')}
          />
          <EuiSpacer size="s" />
          <WhenCell finding={finding} />
        </Section>
        <Section title="Evidence">
          <EuiDescriptionList
            type="column"
            compressed
            listItems={list(evidenceRows(finding), 'finding-evidence')}
            data-test-subj="finding-evidence"
          />
          <EuiSpacer size="m" />
          <FindingTimeline source={rule.source} finding={finding} range={range} />
          <EuiSpacer size="s" />
          <DiscoverLink
            target={{ dataset: rule.source, kql: finding.kql, from: range.from, to: range.to }}
            data-test-subj="finding-discover"
          />
        </Section>
        <Section title="What it means">
          <EuiText size="s">
            <p data-test-subj="finding-meaning">{rule.meaning}</p>
          </EuiText>
        </Section>
        <Section title="What to do">
          <EuiText size="s">
            <p data-test-subj="finding-response">{rule.response}</p>
          </EuiText>
          <EuiSpacer size="s" />
          <NextSteps finding={finding} />
        </Section>
        <EuiHorizontalRule margin="s" />
        <EuiText size="s" data-test-subj="finding-attack">
          MITRE ATT&amp;CK: <AttackLinks techniques={rule.attack} />
        </EuiText>
      </EuiFlyoutBody>
    </EuiFlyout>
  );
}
