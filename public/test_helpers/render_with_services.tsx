// Renders a component inside the app's providers with fake services, so component tests
// exercise real EUI markup without a server.
import React from 'react';
import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import { EuiProvider } from '@elastic/eui';
import { QueryStateProvider } from '../context/query_state_context';
import { RouteProvider } from '../context/route_context';
import { ServicesProvider } from '../context/services_context';
import type { AppHistory, AppServices } from '../services';

export interface FakeServices extends AppServices {
  http: { get: jest.Mock; post: jest.Mock; delete: jest.Mock };
  notifications: { success: jest.Mock; danger: jest.Mock };
}

export function fakeServices(overrides: Partial<AppServices> = {}): FakeServices {
  return {
    http: {
      get: jest.fn(() => new Promise(() => undefined)),
      post: jest.fn(() => new Promise(() => undefined)),
      delete: jest.fn(() => new Promise(() => undefined)),
    },
    notifications: { success: jest.fn(), danger: jest.fn() },
    navigation: { discoverUrl: () => undefined, openDiscover: jest.fn() },
    kql: { validate: () => undefined },
    timefilter: { from: 'now-24h', to: 'now' },
    ...overrides,
  } as FakeServices;
}

export function memoryHistory(pathname = '/overview'): AppHistory & { pushed: string[] } {
  const listeners = new Set<(location: { pathname: string }) => void>();
  const history = {
    location: { pathname },
    pushed: [] as string[],
    push(path: string) {
      history.location = { pathname: path };
      history.pushed.push(path);
      listeners.forEach((listener) => listener({ pathname: path }));
    },
    listen(listener: (location: { pathname: string }) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return history;
}

export function renderWithServices(
  ui: React.ReactElement,
  services: AppServices = fakeServices(),
  history: AppHistory = memoryHistory()
): RenderResult {
  return render(
    <EuiProvider colorMode="light">
      <ServicesProvider services={services}>
        <RouteProvider history={history}>
          <QueryStateProvider initialRange={services.timefilter}>{ui}</QueryStateProvider>
        </RouteProvider>
      </ServicesProvider>
    </EuiProvider>
  );
}
