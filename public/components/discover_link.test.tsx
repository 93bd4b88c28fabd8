import React from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServices, renderWithServices } from '../test_helpers/render_with_services';
import { DiscoverLink } from './discover_link';

const TARGET = {
  dataset: 'alb' as const,
  kql: 'http.response.status_code: "502"',
  from: 'now-1h',
  to: 'now',
};

describe('DiscoverLink', () => {
  it('navigates through the services when Kibana is there', async () => {
    const services = fakeServices();
    services.navigation.discoverUrl = () => '/app/r?l=DISCOVER_APP_LOCATOR';
    renderWithServices(<DiscoverLink target={TARGET} data-test-subj="link" />, services);
    const link = screen.getByTestId('link');
    expect(link).toHaveAttribute('href', '/app/r?l=DISCOVER_APP_LOCATOR');
    await userEvent.click(link);
    expect(services.navigation.openDiscover).toHaveBeenCalledWith(TARGET);
  });

  it('offers to copy the KQL when there is no Kibana', () => {
    renderWithServices(<DiscoverLink target={TARGET} data-test-subj="link" />);
    expect(screen.getByTestId('link')).toHaveAttribute(
      'data-kql',
      'http.response.status_code: "502"'
    );
    expect(screen.getByRole('button', { name: 'Copy KQL' })).toBeInTheDocument();
  });
});
