// The contract client for pages that call the services themselves (settings, KPIs). Provided once
// by the App; views never pick a transport on their own.
import { createContext, useContext } from 'react';
import type { LinewatchClient } from '../client/linewatch-client';

export const ClientContext = createContext<LinewatchClient | null>(null);

export function useClient(): LinewatchClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('ClientContext is not provided (see App.tsx)');
  return client;
}
