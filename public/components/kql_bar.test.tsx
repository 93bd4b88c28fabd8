import React from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithServices } from '../test_helpers/render_with_services';
import { KqlBar } from './kql_bar';

describe('KqlBar', () => {
  const validate = (kql: string) =>
    kql.includes('((') ? 'Expected ")" but end of input found' : undefined;

  it('shows the syntax error and does not apply invalid KQL', async () => {
    const onSubmit = jest.fn();
    renderWithServices(<KqlBar value="" onSubmit={onSubmit} validate={validate} />);
    await userEvent.type(screen.getByTestId('kql-input'), 'source.ip: ((10{enter}');
    expect(screen.getByText(/Invalid KQL: Expected "\)" but end of input found/)).toBeVisible();
    expect(screen.getByTestId('kql-input')).toHaveAttribute('aria-invalid', 'true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('applies valid KQL and clears a previous error when typing', async () => {
    const onSubmit = jest.fn();
    renderWithServices(<KqlBar value="" onSubmit={onSubmit} validate={validate} />);
    const input = screen.getByTestId('kql-input');
    await userEvent.type(input, '((');
    await userEvent.click(screen.getByTestId('kql-submit'));
    expect(screen.getByText(/Invalid KQL/)).toBeInTheDocument();
    await userEvent.clear(input);
    expect(screen.queryByText(/Invalid KQL/)).not.toBeInTheDocument();
    await userEvent.type(input, 'event.action: "reject"{enter}');
    expect(onSubmit).toHaveBeenCalledWith('event.action: "reject"');
  });

  it('is labelled for assistive technology', () => {
    renderWithServices(<KqlBar value="a: 1" onSubmit={jest.fn()} validate={validate} />);
    expect(screen.getByLabelText('KQL query')).toHaveValue('a: 1');
  });
});
