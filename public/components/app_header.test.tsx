import React from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithServices } from '../test_helpers/render_with_services';
import { AppHeader } from './app_header';

it("offers the ranges incidents are looked at in, under the time picker's commonly used", async () => {
  renderWithServices(<AppHeader />);
  await userEvent.click(screen.getByTestId('superDatePickerToggleQuickMenuButton'));
  // EUI names each commonly used range's button after its label, first space only
  // (quick_select_popover/commonly_used_time_ranges.js).
  for (const label of [
    'Last 15 minutes',
    'Last 1 hour',
    'Last 4 hours',
    'Last 24 hours',
    'Last 7 days',
  ]) {
    const id = `superDatePickerCommonlyUsed_${label.replace(' ', '_')}`;
    expect(await screen.findByTestId(id)).toBeInTheDocument();
  }
});
