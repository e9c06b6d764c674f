// One contract call per page section with its loading and error states spelled out, so a view can
// never show a figure it does not have: "loading" and "failed" are states, not empty tables.
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { ContractCallError } from '../../client/linewatch-client';

export type RequestState<T> =
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'ok'; data: T; error: null }
  | { status: 'error'; data: T | null; error: string };

export function describeError(error: unknown): string {
  if (error instanceof ContractCallError) {
    return error.code === 'transport' ? 'Not connected to Linewatch' : error.detail;
  }
  return error instanceof Error ? error.message : String(error);
}

interface Answer<T> {
  /** Which request this answers; an answer to an older request means "still loading". */
  requestId: string;
  data: T | null;
  error: string | null;
}

/**
 * Runs `load` whenever `key` changes (and on `reload`). A slower, older answer never overwrites a
 * newer one; the previous data stays visible while a reload runs, so charts do not flash empty.
 */
export function useRequest<T>(key: string, load: () => Promise<T>): RequestState<T> & { reload: () => void } {
  const [answer, setAnswer] = useState<Answer<T> | null>(null);
  const [tick, setTick] = useState(0);
  const requestId = `${key}#${tick}`;
  const run = useEffectEvent(() => load());

  useEffect(() => {
    let current = true;
    run().then(
      (data) => current && setAnswer({ requestId, data, error: null }),
      (error: unknown) =>
        current &&
        setAnswer((previous) => ({ requestId, data: previous?.data ?? null, error: describeError(error) })),
    );
    return () => {
      current = false;
    };
  }, [requestId]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const data = answer?.data ?? null;
  if (answer?.requestId !== requestId) return { status: 'loading', data, error: null, reload };
  if (answer.error !== null) return { status: 'error', data, error: answer.error, reload };
  // A finished answer without error always carries its data.
  return { status: 'ok', data: answer.data as T, error: null, reload };
}

/** Calls `callback` every `ms` while the page is open (figures that change with time). */
export function useInterval(callback: () => void, ms: number): void {
  const tick = useEffectEvent(callback);
  useEffect(() => {
    const timer = setInterval(() => tick(), ms);
    return () => clearInterval(timer);
  }, [ms]);
}
