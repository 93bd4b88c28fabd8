// Setup status's geo line: whether public addresses get country, city and ASN where the
// pipelines run (server/lib/installer/geo_status.ts probes the GeoLite2 databases there).
// Enabled is a quiet line; anything else a warning, because lines are parsed all the same and
// only the geo panels and maps stay empty.
import React from 'react';
import { EuiCallOut, EuiText } from '@elastic/eui';
import type { GeoStatus } from '../../common/geo_status';

export function GeoStatusLine({ geo }: { geo?: GeoStatus }) {
  if (!geo) return null;
  if (geo.state === 'enabled') {
    return (
      <EuiText size="xs" color="subdued" data-test-subj="setup-geo-status" data-state={geo.state}>
        <p>{geo.message}</p>
      </EuiText>
    );
  }
  return (
    <EuiCallOut
      size="s"
      color="warning"
      iconType="globe"
      data-test-subj="setup-geo-status"
      data-state={geo.state}
      title={geo.message}
    />
  );
}
