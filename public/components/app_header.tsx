// Header shared by every page: the KQL bar and the time picker driving the shared query state.
import React from 'react';
import { EuiFlexGroup, EuiFlexItem, EuiSuperDatePicker } from '@elastic/eui';
import { useQueryState } from '../context/query_state_context';
import { useServices } from '../context/services_context';
import { COMMONLY_USED_RANGES } from '../lib/time_defaults';
import { KqlBar } from './kql_bar';

export function AppHeader() {
  const { range, kql, setRange, setKql, refresh, outcome } = useQueryState();
  const services = useServices();
  return (
    <EuiFlexGroup gutterSize="s" alignItems="flexStart" wrap>
      <EuiFlexItem style={{ minWidth: 320 }}>
        <KqlBar
          value={kql}
          onSubmit={setKql}
          validate={services.kql.validate}
          searchError={outcome.error}
          warnings={outcome.warnings}
        />
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        <EuiSuperDatePicker
          start={range.from}
          end={range.to}
          onTimeChange={({ start, end }) => setRange({ from: start, to: end })}
          onRefresh={refresh}
          commonlyUsedRanges={[...COMMONLY_USED_RANGES]}
          data-test-subj="time-picker"
        />
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}
