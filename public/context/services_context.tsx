// Hands the AppServices given at mount to every component without prop drilling.
import React, { createContext, useContext } from 'react';
import type { AppServices } from '../services';

const ServicesContext = createContext<AppServices | undefined>(undefined);

export function ServicesProvider({
  services,
  children,
}: {
  services: AppServices;
  children: React.ReactNode;
}) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside <ServicesProvider>');
  return services;
}
