// One scanner: who, what kind of scan, when it ran and how fast, what it covered, its probes
// per minute (accepted vs rejected) and what answered; "Open in Discover" for its flows.
import React from 'react';
import {
  EuiBadge,
  EuiFlexGroup,
  EuiFlexItem,
  EuiPanel,
  EuiSpacer,
  EuiStat,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import moment from 'moment';
import type { Scanner } from '../../../common/investigations/scans';
import { formatNumber, formatPercent } from '../../lib/format';
import { DiscoverLink } from '../discover_link';
import { TimeseriesChart } from '../timeseries_chart';
import { AnsweredTable } from './answered_table';
import { formatDuration, scannerPoints, scannerWindow } from './scan_format';

const MINUTE = 60_000;
const formatTime = (ms: number) => moment(ms).format('YYYY-MM-DD HH:mm:ss');

const KIND_LABELS = {
  vertical: 'Vertical: many ports of one host',
  horizontal: 'Horizontal: one port of many hosts',
} as const;

function Stat({ id, title, description }: { id: string; title: string; description: string }) {
  return (
    <EuiFlexItem grow={false} style={{ minWidth: 150 }}>
      <EuiStat
        title={title}
        description={description}
        titleSize="xs"
        data-test-subj={`scan-${id}`}
      />
    </EuiFlexItem>
  );
}

export function ScannerCard({ scanner }: { scanner: Scanner }) {
  const window = scannerWindow(scanner);
  const first = scanner.series[0]?.time ?? scanner.firstSeen;
  const last = scanner.series[scanner.series.length - 1]?.time ?? first;
  return (
    <EuiPanel
      hasBorder
      data-test-subj="scanner-card"
      data-source={scanner.source}
      data-first-seen={scanner.firstSeen}
      data-last-seen={scanner.lastSeen}
      data-peak-minute={scanner.peak.minute}
    >
      <EuiFlexGroup alignItems="center" gutterSize="s" wrap responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiTitle size="s">
            <h2 data-test-subj="scanner-source">{scanner.source}</h2>
          </EuiTitle>
        </EuiFlexItem>
        {scanner.kinds.map((kind) => (
          <EuiFlexItem grow={false} key={kind}>
            <EuiBadge color="warning" data-test-subj={`scan-kind-${kind}`}>
              {KIND_LABELS[kind]}
            </EuiBadge>
          </EuiFlexItem>
        ))}
        <EuiFlexItem />
        <EuiFlexItem grow={false}>
          <DiscoverLink
            target={{ dataset: 'vpcflow', kql: scanner.kql, ...window }}
            data-test-subj="scanner-discover"
          />
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      <EuiFlexGroup gutterSize="l" wrap>
        <Stat id="first-seen" title={formatTime(scanner.firstSeen)} description="First seen" />
        <Stat id="last-seen" title={formatTime(scanner.lastSeen)} description="Last seen" />
        <Stat id="duration" title={formatDuration(scanner.durationMs)} description="Duration" />
        <Stat
          id="peak"
          title={`${formatNumber(scanner.peak.flowsPerMinute)} / min`}
          description={`Peak flows per minute, at ${moment(scanner.peak.minute).format('HH:mm')}`}
        />
        <Stat id="flows" title={formatNumber(scanner.flows)} description="Flows" />
        <Stat id="ports" title={formatNumber(scanner.ports)} description="Distinct ports" />
        <Stat id="hosts" title={formatNumber(scanner.hosts)} description="Distinct hosts" />
        <Stat
          id="accepted"
          title={`${formatNumber(scanner.acceptedFlows)} (${formatPercent(scanner.acceptedShare)})`}
          description="Accepted flows"
        />
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      <EuiText size="s" data-test-subj="scan-port-ranges">
        <p>
          <strong>
            Ports covered{scanner.portStep > 1 ? ` (in blocks of ${scanner.portStep})` : ''}:
          </strong>{' '}
          {scanner.portRanges}
        </p>
        <p>
          Most probed host: {scanner.busiestHost.ip} ({formatNumber(scanner.busiestHost.ports)}{' '}
          ports) · most probed port: {scanner.busiestPort.port} (
          {formatNumber(scanner.busiestPort.hosts)} hosts)
        </p>
      </EuiText>
      <EuiSpacer size="m" />
      <EuiFlexGroup gutterSize="l" wrap>
        <EuiFlexItem grow={3} style={{ minWidth: 360 }} data-test-subj="scan-timeline">
          <EuiTitle size="xxs">
            <h3>Flows per minute</h3>
          </EuiTitle>
          <TimeseriesChart
            title={`Flows per minute from ${scanner.source}`}
            points={scannerPoints(scanner)}
            fromMs={first}
            toMs={last + MINUTE}
            intervalMs={MINUTE}
            height={180}
          />
        </EuiFlexItem>
        <EuiFlexItem grow={2} style={{ minWidth: 300 }}>
          <EuiTitle size="xxs">
            <h3>What answered</h3>
          </EuiTitle>
          <EuiSpacer size="xs" />
          <AnsweredTable answered={scanner.answered} />
        </EuiFlexItem>
      </EuiFlexGroup>
    </EuiPanel>
  );
}
