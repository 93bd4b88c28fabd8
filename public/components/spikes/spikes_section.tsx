// Under a time-series chart of the overview: the spikes list (under the source's first chart
// only, so it is not repeated) and the explanation of the spike chosen there or on a chart's
// marker. "Filter the page" narrows the shared range to the spike's window and the query bar
// to its top explanation.
import React from 'react';
import { EuiSpacer, EuiText } from '@elastic/eui';
import type { SourceId } from '../../../common/constants';
import { useQueryState } from '../../context/query_state_context';
import { narrowKql } from '../../lib/discover_links';
import { explanationClause, spikeId, spikeRange, spikesOf } from './spike_links';
import { SpikeExplanationPanel } from './spike_explanation';
import { SpikesList } from './spikes_list';
import type { SpikesState } from './use_spikes';

export interface SpikesSectionProps {
  source: SourceId;
  state: SpikesState;
  showList: boolean;
  selected?: string;
  onSelect(id: string | undefined): void;
}

export function SpikesSection({ source, state, showList, selected, onSelect }: SpikesSectionProps) {
  const { kql, setKql, setRange } = useQueryState();
  const spikes = spikesOf(state.data, source);
  const spike = spikes.find((candidate) => spikeId(candidate) === selected);
  // A refused query (400) is said under the query bar already.
  if (state.error && state.errorStatus !== 400) {
    return showList ? (
      <EuiText size="xs" color="danger" data-test-subj="spikes-error">
        <p>Could not look for spikes: {state.error}</p>
      </EuiText>
    ) : null;
  }
  if (!state.data) return null;
  return (
    <div data-test-subj="spikes-section" aria-busy={state.loading}>
      {showList && (
        <>
          <EuiSpacer size="s" />
          <SpikesList
            source={source}
            spikes={spikes}
            selected={selected}
            onSelect={(id) => onSelect(id === selected ? undefined : id)}
            note={state.data.note}
          />
        </>
      )}
      {spike && (
        <>
          <EuiSpacer size="s" />
          <SpikeExplanationPanel
            source={source}
            spike={spike}
            userKql={kql}
            onClose={() => onSelect(undefined)}
            onFilter={() => {
              const [top] = spike.explanations;
              setRange(spikeRange(spike));
              if (top) setKql(narrowKql(kql, explanationClause(top)));
              onSelect(undefined);
            }}
          />
        </>
      )}
    </div>
  );
}
