// Scans: the sources that probed many ports of one host or one port of many hosts in the header's
// time range (common/investigations/scans.ts), one card each with its timeline and what answered.
// An optional source (address or CIDR) narrows the search; it lives in the URL beside _g/_a.
import React from 'react';
import { EuiEmptyPrompt, EuiPanel, EuiSpacer, EuiText } from '@elastic/eui';
import { INTERNAL_API_BASE } from '../../common/constants';
import type { ScansRequest, ScansResponse } from '../../common/investigations/scans';
import { SCAN_THRESHOLDS } from '../../common/investigations/scans';
import { ErrorCallout } from '../components/error_callout';
import { LoadingPanel } from '../components/loading_panel';
import { ScanSourceForm } from '../components/scans/scan_source_form';
import {
  readScanSource,
  scanSourceProblem,
  writeScanSource,
} from '../components/scans/scan_params';
import { ScannerCard } from '../components/scans/scanner_card';
import { useQueryState } from '../context/query_state_context';
import { useRoute } from '../context/route_context';
import { useServices } from '../context/services_context';
import { useAsync } from '../hooks/use_async';

const { minPortsOnHost, minHostsOnPort, probeMaxPackets } = SCAN_THRESHOLDS;

function Intro() {
  return (
    <EuiText size="s" color="subdued" data-test-subj="scans-intro">
      <p>
        A scan is a source whose probes (rejected flows, or flows of at most {probeMaxPackets}{' '}
        packets) reach at least {minPortsOnHost} ports of one host (vertical) or one port on at
        least {minHostsOnPort} hosts (horizontal), in the VPC flow logs of the time range. Servers
        answering their clients and gateways holding real conversations are left out. The query bar
        does not apply here; the time range does.
      </p>
    </EuiText>
  );
}

export function ScansPage() {
  const { http } = useServices();
  const { search, replaceSearch } = useRoute();
  const { range, refreshKey } = useQueryState();
  const source = readScanSource(search);
  // A hand-edited URL with a bad source is not sent: the form shows why.
  const usable = scanSourceProblem(source) ? '' : source;
  const request: ScansRequest = { from: range.from, to: range.to, ...(usable ? { source } : {}) };
  const answer = useAsync(
    (signal) => http.post<ScansResponse>(`${INTERNAL_API_BASE}/scans`, request, { signal }),
    [http, range.from, range.to, usable, refreshKey]
  );
  const submit = (next: string) => {
    const written = writeScanSource(search, next);
    if (written === search) answer.reload();
    else replaceSearch(written);
  };

  let body: React.ReactNode;
  if (answer.error) {
    body = (
      <ErrorCallout
        title="Could not look for scans"
        message={answer.error}
        onRetry={answer.reload}
      />
    );
  } else if (!answer.data) {
    body = <LoadingPanel label="Looking for sources that probe many ports or hosts…" />;
  } else if (answer.data.scanners.length === 0) {
    body = (
      <EuiEmptyPrompt
        data-test-subj="scans-none"
        iconType="check"
        title={
          <h2>{usable ? `${usable} did not scan in this range` : 'No scans in this range'}</h2>
        }
        body={
          <p>
            {answer.data.examined > 0
              ? `${answer.data.examined} source${answer.data.examined === 1 ? ' that touched many ports or hosts was' : 's that touched many ports or hosts were'} examined and cleared: too few ports on any one host and hosts on any one port, or mostly conversations rather than probes. `
              : ''}
            Try a longer time range.
          </p>
        }
      />
    );
  } else {
    body = answer.data.scanners.map((scanner) => (
      <React.Fragment key={scanner.source}>
        <ScannerCard scanner={scanner} />
        <EuiSpacer size="m" />
      </React.Fragment>
    ));
  }

  return (
    <div data-test-subj="scans" aria-busy={answer.loading}>
      <EuiPanel hasBorder>
        <ScanSourceForm source={source} onSubmit={submit} loading={answer.loading} />
        <EuiSpacer size="s" />
        <Intro />
      </EuiPanel>
      <EuiSpacer size="m" />
      {body}
    </div>
  );
}
