// Troubleshoot: the connection doctor. A client, a server and its port (in the URL, so a
// diagnosis can be reloaded, shared or opened prefilled from a rejected flow elsewhere), over the
// header's time range: the verdict, the evidence per direction and interface, the timeline.
import React, { useMemo } from 'react';
import { EuiPanel, EuiSpacer, EuiText } from '@elastic/eui';
import { INTERNAL_API_BASE } from '../../common/constants';
import type { ConnectionResponse } from '../../common/investigations/connection';
import { ErrorCallout } from '../components/error_callout';
import { LoadingPanel } from '../components/loading_panel';
import { ConnectionForm } from '../components/troubleshoot/connection_form';
import type { ConnectionFormValues } from '../components/troubleshoot/connection_params';
import {
  connectionRequestOf,
  readConnectionParams,
  writeConnectionParams,
} from '../components/troubleshoot/connection_params';
import { ConnectionTimeline } from '../components/troubleshoot/connection_timeline';
import { EvidenceTable } from '../components/troubleshoot/evidence_table';
import { VerdictCallout } from '../components/troubleshoot/verdict_callout';
import { useQueryState } from '../context/query_state_context';
import { useRoute } from '../context/route_context';
import { useServices } from '../context/services_context';
import { useAsync } from '../hooks/use_async';

function Diagnosis({ answer }: { answer: ConnectionResponse }) {
  const { range } = useQueryState();
  const { a, b, port } = answer.request;
  const requestTitle = `Requests ${a} → ${b}:${port}`;
  const replyTitle = `Replies ${b}:${port} → ${a}`;
  return (
    <>
      <VerdictCallout
        verdict={answer.verdict}
        target={{ dataset: 'all', kql: answer.kql, from: range.from, to: range.to }}
      />
      {answer.verdict.code !== 'no_flows' && (
        <>
          <EuiSpacer size="m" />
          <EuiPanel hasBorder>
            <EvidenceTable direction="request" title={requestTitle} rows={answer.evidence} />
            <EuiSpacer size="m" />
            <EvidenceTable direction="reply" title={replyTitle} rows={answer.evidence} />
          </EuiPanel>
          <EuiSpacer size="m" />
          <EuiPanel hasBorder>
            <ConnectionTimeline
              timeline={answer.timeline}
              requestTitle={requestTitle}
              replyTitle={replyTitle}
            />
          </EuiPanel>
        </>
      )}
    </>
  );
}

export function TroubleshootPage() {
  const { http } = useServices();
  const { search, replaceSearch } = useRoute();
  const { range, refreshKey } = useQueryState();
  const values = readConnectionParams(search);
  const checked = useMemo(
    () => connectionRequestOf(values, range),
    [values.a, values.b, values.port, values.protocol, range.from, range.to]
  );
  const request = checked.ok ? checked.value : undefined;
  const answer = useAsync(
    (signal) =>
      request
        ? http.post<ConnectionResponse>(`${INTERNAL_API_BASE}/connection`, request, { signal })
        : Promise.resolve(undefined),
    [http, JSON.stringify(request ?? null), refreshKey]
  );
  const submit = (next: ConnectionFormValues) => {
    replaceSearch(writeConnectionParams(search, next));
    // The same values again: diagnose again (the data may have changed).
    if (writeConnectionParams(search, next) === search) answer.reload();
  };

  let body: React.ReactNode;
  if (!request) {
    body = (
      <EuiText size="s" color="subdued" data-test-subj="connection-intro">
        <p>
          Name a client, a server and the server&apos;s port: the flow logs of both directions (VPC
          and Transit Gateway) say whether requests get through, whether replies come back, and at
          which network interface they are rejected. The query bar does not apply here; the time
          range does.
        </p>
      </EuiText>
    );
  } else if (answer.error) {
    body = (
      <ErrorCallout
        title="Could not diagnose the connection"
        message={answer.error}
        onRetry={answer.reload}
      />
    );
  } else if (!answer.data) {
    body = <LoadingPanel label="Reading the flow logs of both directions…" />;
  } else {
    body = <Diagnosis answer={answer.data} />;
  }

  return (
    <div data-test-subj="troubleshoot" aria-busy={Boolean(request) && answer.loading}>
      <EuiPanel hasBorder>
        <ConnectionForm
          values={values}
          range={range}
          onSubmit={submit}
          loading={Boolean(request) && answer.loading}
        />
      </EuiPanel>
      <EuiSpacer size="m" />
      {body}
    </div>
  );
}
