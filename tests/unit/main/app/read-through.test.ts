// readThrough: every wrapped handler commits the engine's buffered writes before it runs, so a
// read sees what the engine already knows; and the handlers of a store-backed feature read through
// the engine's buffer without flushing themselves.
import { describe, expect, it } from 'vitest';
import { readThrough } from '@src/main/app/read-through';
import type { Caller, ContractHandlers } from '@src/shared/contract';

const caller: Caller = { connectionId: 'test', canMutate: true, label: 'test' };

describe('readThrough', () => {
  it('flushes before each call, passes request and caller through and returns the answer', async () => {
    const steps: string[] = [];
    const handlers: Pick<ContractHandlers, 'getConfigText' | 'listConfigVersions'> = {
      getConfigText: (_request, who) => {
        steps.push(`getConfigText by ${who.label}`);
        return { path: null, text: 'site: x', fileText: null, errors: [] };
      },
      listConfigVersions: async () => {
        steps.push('listConfigVersions');
        return Promise.resolve({ versions: [] });
      },
    };
    const wrapped = readThrough(handlers, () => steps.push('flush'));
    expect(steps).toEqual([]);
    expect(Object.keys(wrapped).sort()).toEqual(['getConfigText', 'listConfigVersions']);

    expect(await wrapped.getConfigText({}, caller)).toEqual({
      path: null,
      text: 'site: x',
      fileText: null,
      errors: [],
    });
    expect(await wrapped.listConfigVersions({}, caller)).toEqual({ versions: [] });
    await wrapped.getConfigText({}, caller);
    expect(steps).toEqual([
      'flush',
      'getConfigText by test',
      'flush',
      'listConfigVersions',
      'flush',
      'getConfigText by test',
    ]);
  });

  it('lets a failing handler fail as before (the flush still ran)', () => {
    let flushed = 0;
    const wrapped = readThrough(
      {
        listAlarms: (_request, _caller) => {
          throw new Error('boom');
        },
      } satisfies Pick<ContractHandlers, 'listAlarms'>,
      () => (flushed += 1),
    );
    expect(() => wrapped.listAlarms({}, caller)).toThrow('boom');
    expect(flushed).toBe(1);
  });
});

describe('a feature read through the engine buffer', () => {
  it('sees a write still buffered at the time of the call', () => {
    // A stand-in for the engine: writes wait in a buffer until flushed into the "store".
    const stored: string[] = [];
    const buffered: string[] = [];
    const handlers = readThrough(
      {
        getConfigText: (_request, _caller) => ({
          path: null,
          text: stored.join(','),
          fileText: null,
          errors: [],
        }),
      } satisfies Pick<ContractHandlers, 'getConfigText'>,
      () => stored.push(...buffered.splice(0)),
    );
    buffered.push('outage 7');
    expect(handlers.getConfigText({}, caller).text).toBe('outage 7');
    expect(buffered).toEqual([]);
  });
});
