// What a dashboard error is about: the page it happened on names the device or line when it is a
// device or line page; the rest (line hash, type, criticality, cost bucket, shift) comes from the
// fault site main sent, so a renderer fault reads like a main one. Pure string work, like
// `pageName`, so it is tested without a DOM.
import type { FaultPlace } from './fault-context';

/** `#/endpoint/<id>` and `#/line/<id>` / `#/line-detail/<id>` name a place; other pages none. */
export function faultPlaceOfRoute(hash: string): FaultPlace {
  const path = hash.replace(/^#?\/?/, '').split(/[?#]/)[0] ?? '';
  const [page, rawId] = path.split('/');
  if (rawId === undefined || rawId === '') return {};
  let id: string;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    return {};
  }
  if (page === 'endpoint') return { endpointId: id };
  if (page === 'line' || page === 'line-detail') return { lineId: id };
  return {};
}

/** `renderer.TypeError`: the error's class, never its message (which may name anything). */
export function rendererErrorKind(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  return `renderer.${/^[A-Za-z][A-Za-z0-9]{0,39}$/.test(name) ? name : 'Error'}`;
}
