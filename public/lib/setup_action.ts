// Which setup the button offers for the current status, and what it sends.
import type { SetupRequest, StatusResponse } from '../../common/api_types';

export interface SetupAction {
  label: string;
  request: SetupRequest;
}

export function setupAction(state: StatusResponse['state'] | undefined): SetupAction {
  switch (state) {
    case 'outdated':
    case 'partial':
      return { label: 'Upgrade', request: {} };
    case 'installed':
      // Everything is current; reinstalling overwrites local edits, hence force.
      return { label: 'Reinstall', request: { force: true } };
    default:
      return { label: 'Install', request: {} };
  }
}
