// Request times cross the wire as ISO strings and reach the handlers as epoch ms: the contract's
// zod transforms parse them once, so no handler calls Date.parse.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { requests, type RequestOf } from '@src/shared/contract';

describe('request times', () => {
  it('turn ISO strings with Z or an offset into epoch ms', () => {
    const parsed = requests.getReport.request.parse({
      from: '2026-01-05T15:00:00+01:00',
      to: '2026-01-05T14:30:00.250Z',
    });
    expect(parsed).toEqual({ from: Date.UTC(2026, 0, 5, 14), to: Date.UTC(2026, 0, 5, 14, 30, 0, 250) });
    const outages = requests.listOutages.request.parse({
      from: '2026-01-05T14:00:00Z',
      to: '2026-01-05T15:00:00Z',
    });
    expect(outages).toMatchObject({
      from: Date.UTC(2026, 0, 5, 14),
      to: Date.UTC(2026, 0, 5, 15),
      limit: 1_000,
    });
    expect(requests.getShiftHandover.request.parse({ shiftId: 'early' })).toEqual({ shiftId: 'early' });
  });

  it('refuse local times and impossible dates with the expected form', () => {
    for (const from of ['2026-01-05T14:00:00', '2026-02-30T14:00:00Z', 'yesterday', 1_767_621_600_000]) {
      const result = requests.getRttSeries.request.safeParse({
        endpointId: 'plc-1',
        resolution: 'minute',
        from,
        to: '2026-01-05T15:00:00Z',
      });
      expect(result.success).toBe(false);
      expect(result.error?.issues).toEqual([
        expect.objectContaining({
          path: ['from'],
          message: expect.stringMatching(/^expected an ISO 8601 time with Z or an offset/) as unknown,
        }),
      ]);
    }
  });

  it('name both ends of a window that is empty or reversed', () => {
    const result = requests.getEndpointDetail.request.safeParse({
      endpointId: 'plc-1',
      from: '2026-01-05T15:00:00+01:00',
      to: '2026-01-05T14:00:00Z',
    });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['to'],
        message: '"to" (2026-01-05T14:00:00.000Z) must be after "from" (2026-01-05T14:00:00.000Z)',
      }),
    ]);
  });

  it('are strings for the client and numbers for the handler', () => {
    expectTypeOf<RequestOf<'getReport'>['from']>().toEqualTypeOf<string>();
    expectTypeOf<RequestOf<'listOutages'>['to']>().toEqualTypeOf<string>();
  });
});
