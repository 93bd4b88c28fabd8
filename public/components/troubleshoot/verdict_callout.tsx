// The connection doctor's verdict as a callout: its colour says how bad (green ok, red rejected,
// amber partial, blue nothing to judge), its title the finding, its body what to do; with the
// query that shows the evidence in Discover.
import React from 'react';
import { EuiCallOut, EuiSpacer, EuiText } from '@elastic/eui';
import type { Verdict, VerdictCode } from '../../../common/investigations/connection';
import type { DiscoverTarget } from '../../services';
import { DiscoverLink } from '../discover_link';

const LOOK: Record<
  VerdictCode,
  { color: 'success' | 'danger' | 'warning' | 'primary'; icon: string }
> = {
  ok: { color: 'success', icon: 'check' },
  request_rejected: { color: 'danger', icon: 'error' },
  reply_rejected: { color: 'danger', icon: 'error' },
  partial: { color: 'warning', icon: 'warning' },
  no_flows: { color: 'primary', icon: 'questionInCircle' },
};

export function VerdictCallout({ verdict, target }: { verdict: Verdict; target: DiscoverTarget }) {
  const look = LOOK[verdict.code];
  return (
    <EuiCallOut
      title={verdict.title}
      color={look.color}
      iconType={look.icon}
      data-test-subj="connection-verdict"
      data-code={verdict.code}
    >
      <EuiText size="s">
        <p data-test-subj="connection-explanation">{verdict.explanation}</p>
      </EuiText>
      {verdict.code !== 'no_flows' && (
        <>
          <EuiSpacer size="s" />
          <DiscoverLink target={target} data-test-subj="connection-discover" />
        </>
      )}
    </EuiCallOut>
  );
}
