// The Detections page under the query bar, as the app lays them out: the findings in the
// server's order, a refused query shown under the bar, the rule filter and the tab in the URL,
// a finding's detail (evidence, timeline, ATT&CK, Discover) and its links to the other pages.
import React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { INTERNAL_API_BASE } from '../../common/constants';
import type { OverviewResponse } from '../../common/api_types';
import { DETECTION_IDS } from '../../common/detections';
import { AppHeader } from '../components/app_header';
import { ANSWER, PORT_SCAN, T0 } from '../components/detections/test_fixtures';
import { HttpError } from '../lib/http_error';
import { readUrlState } from '../lib/url_state';
import { setUpChartRendering } from '../test_helpers/chart_debug_state';
import {
  fakeServices,
  memoryHistory,
  renderWithServices,
} from '../test_helpers/render_with_services';
import { DetectionsPage } from './detections_page';

setUpChartRendering();

// EUI's many style sheets make jsdom's getComputedStyle slow (seconds per userEvent click in a
// popover or flyout); clicks here are plain events, typing goes through userEvent.
const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
const click = (element: HTMLElement) => fireEvent.click(element);

const DETECTIONS = `${INTERNAL_API_BASE}/detections`;
const G = "?_g=(time:(from:now-4h,to:now))&_a=(query:(language:kuery,query:''))";

const TIMELINE: OverviewResponse = {
  source: 'vpcflow',
  total: 4096,
  kpis: [],
  panels: [
    {
      id: 'flows_over_time',
      title: 'Flows over time, accepted vs rejected',
      kind: 'timeseries',
      points: [
        { time: T0 + 3600_000, series: 'reject', value: 4090 },
        { time: T0 + 3600_000, series: 'accept', value: 6 },
      ],
      fromMs: T0,
      toMs: T0 + 4 * 3600_000,
      intervalMs: 120_000,
    },
  ],
};

function setup(path = `/detections${G}`, answer: unknown = ANSWER) {
  const services = fakeServices();
  services.http.post.mockImplementation((url: string) =>
    Promise.resolve(url === DETECTIONS ? answer : TIMELINE)
  );
  const history = memoryHistory(path);
  renderWithServices(
    <>
      <AppHeader />
      <DetectionsPage />
    </>,
    services,
    history
  );
  return { services, history };
}

const rows = () => screen.getAllByTestId('finding-row');
const detectionCalls = (services: ReturnType<typeof fakeServices>) =>
  services.http.post.mock.calls.filter(([url]) => url === DETECTIONS);

async function applyKql(text: string) {
  const input = screen.getByTestId('kql-input');
  await user.clear(input);
  await user.type(input, `${text}{enter}`);
}

describe('the Detections page', () => {
  it('runs every rule over the range and lists the findings in the server’s order', async () => {
    const { services } = setup();
    await screen.findAllByTestId('finding-row');
    expect(services.http.post).toHaveBeenCalledWith(
      DETECTIONS,
      { from: 'now-4h', to: 'now' },
      expect.anything()
    );
    expect(rows().map((row) => row.getAttribute('data-rule'))).toEqual([
      'exposed_service',
      'alb_error_burst',
      'bruteforce',
      'port_scan',
    ]);
    const scan = rows()[3];
    expect(scan).toHaveAttribute('data-entity', 'port_scan:source.ip=203.0.113.66');
    expect(within(scan).getByTestId('severity')).toHaveTextContent('Medium');
    expect(within(scan).getByTestId('finding-rule')).toHaveTextContent('Port scan');
    expect(within(scan).getByTestId('finding-entity')).toHaveTextContent('source.ip 203.0.113.66');
    expect(within(scan).getByTestId('finding-summary')).toHaveTextContent(PORT_SCAN.summary);
    expect(within(scan).getByTestId('finding-when')).toHaveAttribute(
      'data-first-seen',
      PORT_SCAN.firstSeen
    );
    expect(within(scan).getByTestId('finding-when')).toHaveTextContent('→');
    expect(within(rows()[0]).getByTestId('severity')).toHaveAttribute('data-severity', 'high');
    expect(screen.getByTestId('detections-count')).toHaveTextContent(
      '4 findings from 6 rules, most severe and most recent first'
    );
  });

  it('sends the query bar’s KQL, and shows a refused query under the bar with the findings kept', async () => {
    const { services } = setup();
    await screen.findAllByTestId('finding-row');
    services.http.post.mockRejectedValueOnce(
      new HttpError('destination.port holds numbers; "ssh" is not a number.', 400)
    );
    await applyKql('destination.port: ssh');
    expect(
      await screen.findByText(
        'The query could not run: destination.port holds numbers; "ssh" is not a number.'
      )
    ).toBeVisible();
    expect(detectionCalls(services).at(-1)?.[1]).toEqual({
      from: 'now-4h',
      to: 'now',
      kql: 'destination.port: ssh',
    });
    expect(rows()).toHaveLength(4);
    expect(screen.getByTestId('detections-findings')).toHaveAttribute('data-stale', 'true');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks to fix a refused query when there were no findings to keep', async () => {
    const services = fakeServices();
    services.http.post.mockRejectedValue(new HttpError('Expected "(" but found end of input', 400));
    renderWithServices(
      <>
        <AppHeader />
        <DetectionsPage />
      </>,
      services,
      memoryHistory(`/detections${G}`)
    );
    expect(await screen.findByTestId('detections-query-refused')).toHaveTextContent(
      'Fix the query to see findings'
    );
    expect(await screen.findByText(/The query could not run: Expected/)).toBeVisible();
  });

  it('shows other failures as the page’s error, with a retry that runs again', async () => {
    const { services } = setup();
    services.http.post.mockReset();
    services.http.post.mockRejectedValueOnce(new HttpError('Elasticsearch is unreachable', 502));
    services.http.post.mockResolvedValue(ANSWER);
    // The first answer may already have come; a refresh makes the failing call.
    click(screen.getByTestId('kql-submit'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Elasticsearch is unreachable');
    click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('finding-row')).toHaveLength(4);
  });

  it('says which rules ran when nothing is found', async () => {
    setup(`/detections${G}&rules=port_scan,bruteforce`, {
      findings: [],
      rules: ['port_scan', 'bruteforce'],
    });
    const none = await screen.findByTestId('detections-none');
    expect(none).toHaveTextContent('No findings in this time range');
    expect(within(none).getByTestId('detections-none-rules')).toHaveTextContent(
      'Port scan, Brute force on a login service'
    );
    expect(none).toHaveTextContent('2 rules ran:');
  });

  it('filters by rule: the choice goes to the route and the URL, and one rule always stays', async () => {
    const { services, history } = setup();
    await screen.findAllByTestId('finding-row');
    click(screen.getByTestId('rule-filter'));
    click(await screen.findByTestId('rule-filter-port_scan'));
    await waitFor(() =>
      expect(detectionCalls(services).at(-1)?.[1]).toEqual({
        from: 'now-4h',
        to: 'now',
        rules: [
          'bruteforce',
          'exposed_service',
          'large_outbound',
          'rejected_surge',
          'alb_error_burst',
        ],
      })
    );
    expect(new URLSearchParams(history.location.search).get('rules')).toBe(
      'bruteforce,exposed_service,large_outbound,rejected_surge,alb_error_burst'
    );
    // The query state stays beside it.
    expect(readUrlState(history.location.search).range).toEqual({ from: 'now-4h', to: 'now' });
    for (const id of ['bruteforce', 'exposed_service', 'large_outbound', 'rejected_surge'])
      click(screen.getByTestId(`rule-filter-${id}`));
    expect(new URLSearchParams(history.location.search).get('rules')).toBe('alb_error_burst');
    // Unchecking the last rule is refused: the route would answer 400 to an empty list.
    click(screen.getByTestId('rule-filter-alb_error_burst'));
    expect(new URLSearchParams(history.location.search).get('rules')).toBe('alb_error_burst');
    click(screen.getByTestId('rule-filter-all'));
    expect(new URLSearchParams(history.location.search).get('rules')).toBeNull();
    await waitFor(() =>
      expect(detectionCalls(services).at(-1)?.[1]).toEqual({ from: 'now-4h', to: 'now' })
    );
  });

  it('opens a finding: evidence labelled, meaning, ATT&CK, timeline, Discover, scan timeline', async () => {
    const { services, history } = setup();
    await screen.findAllByTestId('finding-row');
    click(within(rows()[3]).getByTestId('finding-open'));
    const flyout = await screen.findByTestId('finding-flyout');
    expect(flyout).toHaveAttribute('data-rule', 'port_scan');
    expect(within(flyout).getByTestId('finding-evidence-distinctPorts')).toHaveAttribute(
      'data-value',
      '1024'
    );
    expect(within(flyout).getByTestId('finding-evidence-distinctPorts')).toHaveTextContent('1,024');
    expect(flyout).toHaveTextContent('Share of its flows rejected99.9%');
    expect(within(flyout).getByTestId('finding-meaning')).toHaveTextContent(
      'someone is mapping what listens'
    );
    expect(within(flyout).getByTestId('attack-T1046')).toHaveAttribute(
      'href',
      'https://attack.mitre.org/techniques/T1046/'
    );
    // Standalone, "Open in Discover" is the finding's KQL to copy.
    expect(within(flyout).getByTestId('finding-discover')).toHaveAttribute(
      'data-kql',
      PORT_SCAN.kql
    );
    // The timeline is the source's overview narrowed to the finding's KQL.
    expect(await within(flyout).findByTestId('finding-timeline')).toHaveAttribute(
      'data-total',
      '4096'
    );
    expect(services.http.post).toHaveBeenCalledWith(
      `${INTERNAL_API_BASE}/overview/vpcflow`,
      { from: 'now-4h', to: 'now', kql: PORT_SCAN.kql },
      expect.anything()
    );
    // A port scan offers its scan timeline, not a connection.
    expect(within(flyout).queryByTestId('finding-troubleshoot')).toBeNull();
    click(within(flyout).getByTestId('finding-scans'));
    expect(history.location.pathname).toBe('/scans');
    expect(new URLSearchParams(history.location.search).get('source')).toBe('203.0.113.66');
    expect(readUrlState(history.location.search).range).toEqual({ from: 'now-4h', to: 'now' });
  });

  it('takes an exposed service to the connection doctor with its busiest public source', async () => {
    const { history } = setup();
    await screen.findAllByTestId('finding-row');
    click(within(rows()[0]).getByTestId('finding-open'));
    const flyout = await screen.findByTestId('finding-flyout');
    expect(flyout).toHaveTextContent('198.51.100.7 is its busiest public source');
    expect(within(flyout).queryByTestId('finding-scans')).toBeNull();
    click(within(flyout).getByTestId('finding-troubleshoot'));
    expect(history.location.pathname).toBe('/troubleshoot');
    const params = new URLSearchParams(history.location.search);
    expect([params.get('a'), params.get('b'), params.get('port')]).toEqual([
      '198.51.100.7',
      '10.0.1.50',
      '22',
    ]);
    expect(readUrlState(history.location.search).range).toEqual({ from: 'now-4h', to: 'now' });
  });

  it('lists the catalog on its own tab, kept in the URL', async () => {
    const { history } = setup();
    await screen.findAllByTestId('finding-row');
    click(screen.getByTestId('detections-tab-catalog'));
    expect(new URLSearchParams(history.location.search).get('tab')).toBe('catalog');
    const cards = screen.getAllByTestId('catalog-rule');
    expect(cards.map((card) => card.getAttribute('data-rule'))).toEqual([...DETECTION_IDS]);
    const exposed = cards[2];
    expect(within(exposed).getByTestId('rule-param-ports')).toHaveTextContent(
      '22, 3389, 5432, 3306, 1433, 6379, 27017, 9200'
    );
    expect(within(exposed).getByTestId('rule-param-minSources')).toHaveTextContent('5');
    expect(within(exposed).getByTestId('rule-es-query')).toHaveTextContent('Partly: .es-query');
    expect(within(exposed).getByTestId('attack-T1133')).toBeInTheDocument();
    expect(exposed).toHaveTextContent('Restrict the security group');
  });
});
