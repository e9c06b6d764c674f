import { describe, expect, it } from 'vitest';
import {
  identitySummary,
  shortSerialHash,
} from '@src/renderer/features/operator/endpoint/device-identity-text';

const identity = {
  source: 'enip' as const,
  vendor: 'Rockwell Automation/Allen-Bradley',
  product: 'PowerFlex 755',
  firmware: 'rev 10.1',
  serialHash: '0123456789ab',
  details: {},
};

describe('device identity words', () => {
  it('shortens the serial hash to 8 digits, and shows a dash without one', () => {
    expect(shortSerialHash('0123456789ab')).toBe('01234567');
    expect(shortSerialHash(null)).toBe('—');
  });

  it('sums up the previous device by product, firmware and short serial hash', () => {
    expect(identitySummary(identity)).toBe('PowerFlex 755 rev 10.1 (serial #01234567)');
    expect(identitySummary({ ...identity, product: null, firmware: null, serialHash: null })).toBe(
      'Rockwell Automation/Allen-Bradley',
    );
  });
});
