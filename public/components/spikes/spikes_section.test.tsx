import React from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useQueryState } from '../../context/query_state_context';
import { renderWithServices } from '../../test_helpers/render_with_services';
import { SpikesSection } from './spikes_section';
import { SPIKE, spikesAnswer } from './test_fixtures';
import type { SpikesState } from './use_spikes';

const loaded = (data: ReturnType<typeof spikesAnswer>): SpikesState => ({
  loading: false,
  data,
  reload: jest.fn(),
});

/** Shows the shared query state, to see what "filter the page" did to it. */
function QueryProbe() {
  const { range, kql } = useQueryState();
  return <output data-test-subj="probe">{`${range.from}|${range.to}|${kql}`}</output>;
}

function Section({ state, showList = true }: { state: SpikesState; showList?: boolean }) {
  const [selected, setSelected] = React.useState<string | undefined>();
  return (
    <>
      <SpikesSection
        source="vpcflow"
        state={state}
        showList={showList}
        selected={selected}
        onSelect={setSelected}
      />
      <QueryProbe />
    </>
  );
}

describe('SpikesSection', () => {
  it('lists spikes; a click explains one, offers Discover and filters the page to it', async () => {
    renderWithServices(<Section state={loaded(spikesAnswer([SPIKE]))} />);
    const entry = screen.getByTestId(`spike-${SPIKE.start}`);
    expect(screen.getByTestId('spikes-list')).toHaveTextContent(
      'peak 340, 8.5× the usual 40 · Source IP 198.51.100.7'
    );
    expect(screen.queryByTestId('spike-explanation')).toBeNull();

    await userEvent.click(entry);
    const explanation = screen.getByTestId('spike-explanation');
    expect(explanation).toHaveTextContent('1,700 flows where the usual rate gives 200');
    const rows = within(explanation).getAllByTestId('spike-explanation-row');
    expect(rows.map((row) => row.getAttribute('data-value'))).toEqual(['198.51.100.7', '3306']);
    // Field, value, share in the spike, elsewhere, and of the excess.
    expect(rows[0]).toHaveTextContent(/Source IP.*198\.51\.100\.7.*88%.*0%.*100%/);
    // No Kibana here: the link shows the KQL Discover would get.
    expect(
      within(screen.getByTestId('spike-discover')).getByRole('button').closest('[data-kql]')
    ).toHaveAttribute('data-kql', 'source.ip: "198.51.100.7"');

    await userEvent.click(screen.getByTestId('spike-filter'));
    expect(screen.getByTestId('probe')).toHaveTextContent(
      `${SPIKE.start}|${SPIKE.end}|source.ip: "198.51.100.7"`
    );
    expect(screen.queryByTestId('spike-explanation')).toBeNull();
  });

  it('a second click on the entry closes the explanation', async () => {
    renderWithServices(<Section state={loaded(spikesAnswer([SPIKE]))} />);
    await userEvent.click(screen.getByTestId(`spike-${SPIKE.start}`));
    expect(screen.getByTestId('spike-explanation')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId(`spike-${SPIKE.start}`));
    expect(screen.queryByTestId('spike-explanation')).toBeNull();
  });

  it('says when the rise has no single cause, and filters to the window alone', async () => {
    renderWithServices(<Section state={loaded(spikesAnswer([{ ...SPIKE, explanations: [] }]))} />);
    await userEvent.click(screen.getByTestId(`spike-${SPIKE.start}`));
    expect(screen.getByTestId('spike-explanation')).toHaveTextContent('No single value stands out');
    await userEvent.click(screen.getByTestId('spike-filter'));
    expect(screen.getByTestId('probe')).toHaveTextContent(`${SPIKE.start}|${SPIKE.end}|`);
  });

  it("says there are no spikes, or the server's reason for not looking", () => {
    const { unmount } = renderWithServices(<Section state={loaded(spikesAnswer([]))} />);
    expect(screen.getByTestId('spikes-none')).toHaveTextContent('No spikes');
    unmount();
    renderWithServices(<Section state={loaded(spikesAnswer([], 'Too little data to tell.'))} />);
    expect(screen.getByTestId('spikes-none')).toHaveTextContent('Too little data to tell.');
  });

  it('shows a failure beside the chart, but not a refused query (the query bar says it)', () => {
    const failed = { loading: false, error: 'Elasticsearch is unreachable', reload: jest.fn() };
    const { unmount } = renderWithServices(<Section state={{ ...failed, errorStatus: 502 }} />);
    expect(screen.getByTestId('spikes-error')).toHaveTextContent('Elasticsearch is unreachable');
    expect(screen.queryByRole('alert')).toBeNull();
    unmount();
    renderWithServices(<Section state={{ ...failed, errorStatus: 400 }} />);
    expect(screen.queryByTestId('spikes-error')).toBeNull();
  });

  it('without the list, shows nothing until a marker is chosen', () => {
    renderWithServices(<Section state={loaded(spikesAnswer([SPIKE]))} showList={false} />);
    expect(screen.queryByTestId('spikes-list')).toBeNull();
    expect(screen.queryByTestId('spike-explanation')).toBeNull();
  });
});
