// The overview's headline numbers. The raw value rides along in data-value so browser tests can
// compare it with an Elasticsearch count without parsing formatted text.
import React from 'react';
import { EuiFlexGroup, EuiFlexItem, EuiPanel, EuiStat } from '@elastic/eui';
import type { SourceId } from '../../common/constants';
import type { Kpi } from '../../common/api_types';
import { formatKpi } from '../lib/format';

export function KpiTiles({
  source,
  kpis,
  loading,
}: {
  source: SourceId;
  kpis: Kpi[];
  loading: boolean;
}) {
  return (
    <EuiFlexGroup gutterSize="m" wrap>
      {kpis.map((kpi) => (
        <EuiFlexItem key={kpi.id} style={{ minWidth: 180 }}>
          <EuiPanel hasBorder paddingSize="m">
            <EuiStat
              title={
                <span data-test-subj={`kpi-${source}-${kpi.id}`} data-value={kpi.value}>
                  {formatKpi(kpi)}
                </span>
              }
              description={kpi.label}
              titleSize="m"
              isLoading={loading}
            />
          </EuiPanel>
        </EuiFlexItem>
      ))}
    </EuiFlexGroup>
  );
}
