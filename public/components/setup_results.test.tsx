import React from 'react';
import { screen, within } from '@testing-library/react';
import type { SetupResponse } from '../../common/api_types';
import { renderWithServices } from '../test_helpers/render_with_services';
import { SetupResults } from './setup_results';

describe('SetupResults', () => {
  it('lists a failed asset first with its error and missing privileges', () => {
    const response: SetupResponse = {
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
    renderWithServices(<SetupResults title="Install" response={response} />);

    expect(screen.getByRole('alert')).toHaveTextContent('Install: 1 of 3 assets failed');
    const failed = screen.getByTestId('setup-result-ingest_pipeline-netobs-vpcflow');
    expect(failed).toHaveAttribute('data-action', 'failed');
    expect(within(failed).getByText(/is unauthorized for user \[viewer\]/)).toBeInTheDocument();
    expect(within(failed).getByText('manage_ingest_pipelines')).toBeInTheDocument();

    const rows = screen.getAllByTestId(/^setup-result-/);
    expect(rows[0]).toBe(failed);
    expect(rows).toHaveLength(3);
  });

  it('reports success', () => {
    renderWithServices(
      <SetupResults
        title="Upgrade"
        response={{
          ok: true,
          results: [{ type: 'dashboard', name: 'netobs-vpc', action: 'updated' }],
        }}
      />
    );
    expect(screen.getByRole('status')).toHaveTextContent('Upgrade: done');
  });
});
