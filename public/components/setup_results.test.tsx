import React from 'react';
import { screen, within } from '@testing-library/react';
import type { AssetStatusEntry, SetupResponse } from '../../common/api_types';
import { renderWithServices } from '../test_helpers/render_with_services';
import { AssetTable } from './asset_table';
import { SetupResultsSummary, summariseResults } from './setup_results';

const RESPONSE: SetupResponse = {
  ok: false,
  results: [
    { type: 'component_template', name: 'netobs-mappings', action: 'installed' },
    {
      type: 'ingest_pipeline',
      name: 'netobs-vpcflow',
      action: 'failed',
      error: 'action [cluster:admin/ingest/pipeline/put] is unauthorized for user [viewer]',
      missingPrivileges: ['manage_ingest_pipelines'],
    },
    { type: 'index_template', name: 'netobs-vpcflow', action: 'unchanged' },
  ],
};

const STATUS: AssetStatusEntry[] = [
  { type: 'component_template', name: 'netobs-mappings', state: 'installed' },
  { type: 'ingest_pipeline', name: 'netobs-vpcflow', state: 'missing' },
  { type: 'index_template', name: 'netobs-vpcflow', state: 'installed' },
];

describe('setup results', () => {
  it('says how many failed and what happened to the others', () => {
    renderWithServices(<SetupResultsSummary title="Install" response={RESPONSE} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Install: 1 of 3 assets failed');
    expect(alert).toHaveTextContent('the others: 1 installed, 1 unchanged');
  });

  it('reports success with what changed', () => {
    renderWithServices(
      <SetupResultsSummary
        title="Upgrade"
        response={{
          ok: true,
          results: [
            { type: 'dashboard', name: 'netobs-vpc', action: 'updated' },
            { type: 'dashboard', name: 'netobs-alb', action: 'unchanged' },
          ],
        }}
      />
    );
    expect(screen.getByRole('status')).toHaveTextContent('Upgrade: done (1 updated, 1 unchanged)');
  });

  it('counts actions in a fixed order, leaving out those that did not happen', () => {
    expect(summariseResults([])).toBe('');
    expect(
      summariseResults([
        { type: 'dashboard', name: 'a', action: 'unchanged' },
        { type: 'dashboard', name: 'b', action: 'installed' },
        { type: 'dashboard', name: 'c', action: 'installed' },
      ])
    ).toBe('2 installed, 1 unchanged');
  });
});

describe('AssetTable with results', () => {
  it('lists each asset once, with its state and its result, failures first', () => {
    renderWithServices(
      <AssetTable
        assets={STATUS}
        loading={false}
        results={RESPONSE.results}
        resultTitle="Install result"
      />
    );
    const rows = screen.getAllByTestId(/^asset-(?!table$)/);
    expect(rows).toHaveLength(3);
    expect(screen.getByRole('columnheader', { name: /Install result/ })).toBeInTheDocument();

    const failedRow = screen.getByTestId('asset-ingest_pipeline-netobs-vpcflow');
    expect(rows[0]).toBe(failedRow);
    expect(failedRow).toHaveAttribute('data-state', 'missing');
    expect(failedRow).toHaveAttribute('data-action', 'failed');
    const failed = within(failedRow).getByTestId('setup-result-ingest_pipeline-netobs-vpcflow');
    expect(failed).toHaveAttribute('data-action', 'failed');
    expect(within(failed).getByText(/is unauthorized for user \[viewer\]/)).toBeInTheDocument();
    expect(within(failed).getByText('manage_ingest_pipelines')).toBeInTheDocument();

    expect(screen.getAllByTestId(/^setup-result-/)).toHaveLength(3);
  });

  it('adds a row for an asset only the results name', () => {
    renderWithServices(
      <AssetTable
        assets={STATUS.slice(0, 1)}
        loading={false}
        results={[{ type: 'dashboard', name: 'netobs-old', action: 'removed' }]}
      />
    );
    const extra = screen.getByTestId('asset-dashboard-netobs-old');
    expect(extra).toHaveAttribute('data-action', 'removed');
    expect(extra).not.toHaveAttribute('data-state');
    // No version and no result of its own: a dash in each.
    expect(
      within(screen.getByTestId('asset-component_template-netobs-mappings')).getAllByText('—')
    ).toHaveLength(2);
  });

  it('has no result column before any action', () => {
    renderWithServices(<AssetTable assets={STATUS} loading={false} />);
    expect(screen.queryByRole('columnheader', { name: /result/i })).not.toBeInTheDocument();
    expect(screen.queryAllByTestId(/^setup-result-/)).toHaveLength(0);
  });
});
