// One spike explained: the field values over-represented in its window, with their share there
// and elsewhere and how much of the excess each accounts for; Discover over the window and its
// top explanation, and a button that filters the page to them.
import React from 'react';
import {
  EuiBasicTable,
  EuiButtonEmpty,
  EuiFlexGroup,
  EuiFlexItem,
  EuiPanel,
  EuiText,
} from '@elastic/eui';
import type { EuiBasicTableColumn } from '@elastic/eui';
import type { SourceId } from '../../../common/constants';
import type { Spike, SpikeExplanation } from '../../../common/investigations/spikes';
import { COUNT_NOUNS } from '../../lib/column_labels';
import { formatNumber, formatPercent } from '../../lib/format';
import { DiscoverLink } from '../discover_link';
import { formatFactor, spikeDiscoverTarget, spikeFieldLabel } from './spike_links';
import { formatWindow } from './spikes_list';

export interface SpikeExplanationPanelProps {
  source: SourceId;
  spike: Spike;
  /** The query bar's KQL, joined to the Discover query. */
  userKql?: string;
  onFilter(): void;
  onClose(): void;
}

const percent = (ratio: number) => formatPercent(Math.round(ratio * 1000) / 1000);

export function SpikeExplanationPanel({
  source,
  spike,
  userKql,
  onFilter,
  onClose,
}: SpikeExplanationPanelProps) {
  const noun = COUNT_NOUNS[source].toLowerCase();
  const columns: Array<EuiBasicTableColumn<SpikeExplanation>> = [
    {
      field: 'field',
      name: 'Field',
      render: (field: string) => <span title={field}>{spikeFieldLabel(source, field)}</span>,
    },
    { field: 'value', name: 'Value' },
    { field: 'share', name: 'In the spike', align: 'right', render: percent },
    { field: 'baselineShare', name: 'Elsewhere', align: 'right', render: percent },
    { field: 'contribution', name: 'Of the excess', align: 'right', render: percent },
  ];
  const [top] = spike.explanations;
  return (
    <EuiPanel
      color="subdued"
      paddingSize="s"
      data-test-subj="spike-explanation"
      data-spike-start={spike.start}
    >
      <EuiText size="xs">
        <p>
          <strong>{formatWindow(spike)}</strong>: {formatNumber(spike.count)} {noun} where the usual
          rate gives {formatNumber(spike.expected)}; peak {formatNumber(spike.peak)} in one bucket,{' '}
          {formatFactor(spike.factor)} the median of {formatNumber(spike.baseline)}.
        </p>
        {!top && <p>No single value stands out: the traffic rose across the board.</p>}
      </EuiText>
      {top && (
        <EuiBasicTable<SpikeExplanation>
          tableCaption="What stands out in the spike"
          items={spike.explanations}
          columns={columns}
          compressed
          rowProps={(item) => ({
            'data-test-subj': `spike-explanation-row`,
            'data-field': item.field,
            'data-value': item.value,
          })}
        />
      )}
      <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false} wrap>
        <EuiFlexItem grow={false}>
          <EuiText size="xs">
            <DiscoverLink
              target={spikeDiscoverTarget(source, spike, userKql)}
              label={
                top ? 'Open the spike and its top value in Discover' : 'Open the spike in Discover'
              }
              data-test-subj="spike-discover"
            />
          </EuiText>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButtonEmpty
            size="xs"
            iconType="filter"
            onClick={onFilter}
            data-test-subj="spike-filter"
          >
            {top
              ? 'Filter the page to the spike and its top value'
              : 'Filter the page to the spike'}
          </EuiButtonEmpty>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButtonEmpty size="xs" color="text" onClick={onClose} data-test-subj="spike-close">
            Close
          </EuiButtonEmpty>
        </EuiFlexItem>
      </EuiFlexGroup>
    </EuiPanel>
  );
}
