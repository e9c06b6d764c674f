import { describe, expect, it } from 'vitest';
import { faultPlaceOfRoute, rendererErrorKind } from '@src/shared/telemetry/route-fault-place';

describe('where a dashboard error happened', () => {
  it('takes the device or line from its page, nothing from other pages', () => {
    expect(faultPlaceOfRoute('#/endpoint/press1-plc?from=2026')).toEqual({ endpointId: 'press1-plc' });
    expect(faultPlaceOfRoute('#/line/press-1')).toEqual({ lineId: 'press-1' });
    expect(faultPlaceOfRoute('#/line-detail/press%2D1')).toEqual({ lineId: 'press-1' });
    expect(faultPlaceOfRoute('#/overview')).toEqual({});
    expect(faultPlaceOfRoute('#/endpoint/')).toEqual({});
    expect(faultPlaceOfRoute('#/endpoint/%E0%A4%A')).toEqual({});
  });

  it('names the error by its class, never its message', () => {
    expect(rendererErrorKind(new TypeError('Press 1 PLC at 10.10.1.21'))).toBe('renderer.TypeError');
    expect(rendererErrorKind('a thrown string')).toBe('renderer.Error');
    const odd = new Error('x');
    odd.name = 'press1-plc at 10.10.1.21';
    expect(rendererErrorKind(odd)).toBe('renderer.Error');
  });
});
