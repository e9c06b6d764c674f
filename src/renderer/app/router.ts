// Hash routing: `#/overview`, `#/line/press-1`. The hash works the same under app:// in Electron
// and over HTTP from the headless host, and needs no server-side routes.
import { useSyncExternalStore } from 'react';

export interface HashRoute {
  /** First path segment ('' when the hash is empty). */
  path: string;
  /** The remaining segments, decoded. */
  params: string[];
}

export function parseHash(hash: string): HashRoute {
  const [path = '', ...params] = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
  return { path, params };
}

export function routeHref(path: string, ...params: string[]): string {
  return `#/${[path, ...params].map(encodeURIComponent).join('/')}`;
}

export function navigate(path: string, ...params: string[]): void {
  window.location.hash = routeHref(path, ...params);
}

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const currentHash = (): string => window.location.hash;

/** The current hash, re-rendering on change; parsed by the caller with parseHash. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, currentHash);
}
