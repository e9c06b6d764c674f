// The List Identity codec against the recorded-style replies in tests/fixtures/enip/ and their
// damaged variants: every field decoded, every malformation a clear error naming where.
import { describe, expect, it } from 'vitest';
import {
  decodeListIdentityReply,
  encodeListIdentityRequest,
  EncapsulationStatusError,
  ReplyFormatError,
} from '@src/main/probes/enip/list-identity';
import { identityFaults } from '@src/main/probes/enip/identity-status';
import { hashSerial } from '@src/main/probes/enip/serial-hash';
import {
  enipFixture,
  FIXTURE_IDENTITIES,
  STATUS_WORD_AT,
  type EnipFixtureName,
} from '../../../../support/enip-responder';

const CONTEXT = Buffer.from('0102030405060708', 'hex');

/** A fixture as the device sends it in answer to a request with CONTEXT. */
function reply(name: EnipFixtureName): Buffer {
  const bytes = enipFixture(name);
  CONTEXT.copy(bytes, 12);
  return bytes;
}

function decodeError(frame: Buffer): Error {
  try {
    decodeListIdentityReply(frame, CONTEXT);
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected the decoder to throw');
}

describe('List Identity request', () => {
  it('is a bare 24-byte header: command 0x0063, no data, no session, the sender context at 12', () => {
    const request = encodeListIdentityRequest(CONTEXT);
    expect(request.toString('hex')).toBe(
      '6300' + '0000' + '00000000' + '00000000' + '0102030405060708' + '00000000',
    );
  });

  it('refuses a sender context that is not 8 bytes', () => {
    expect(() => encodeListIdentityRequest(Buffer.alloc(4))).toThrow('sender context must be 8 bytes, got 4');
  });
});

describe('List Identity reply decoding', () => {
  it.each(Object.entries(FIXTURE_IDENTITIES))('decodes every field of the %s reply', (name, identity) => {
    expect(decodeListIdentityReply(reply(name as EnipFixtureName), CONTEXT)).toEqual(identity);
  });

  it('skips an item of another type before the identity item', () => {
    const original = reply('1756-en2t');
    const extra = Buffer.from('86000200abcd', 'hex'); // type 0x0086, 2 bytes
    const frame = Buffer.concat([
      original.subarray(0, 24),
      Buffer.from('0200', 'hex'),
      extra,
      original.subarray(26),
    ]);
    frame.writeUInt16LE(frame.length - 24, 2);
    expect(decodeListIdentityReply(frame, CONTEXT).productName).toBe('1756-EN2T/D');
  });

  it('names an error status the device answered with', () => {
    const frame = reply('1756-en2t').subarray(0, 24);
    frame.writeUInt16LE(0, 2);
    frame.writeUInt32LE(0x0001, 8);
    const error = decodeError(frame);
    expect(error).toBeInstanceOf(EncapsulationStatusError);
    expect(error.message).toBe(
      'device refused List Identity: encapsulation status 0x0001 (invalid or unsupported command)',
    );
  });

  const malformed: [string, () => Buffer, string][] = [
    [
      'a reply shorter than the header',
      () => reply('1756-en2t').subarray(0, 10),
      'reply of 10 bytes is shorter than the 24-byte encapsulation header',
    ],
    [
      'another command (an HTTP page)',
      () => Buffer.from('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'),
      'not a List Identity reply: command 0x5448 at byte 0, expected 0x0063',
    ],
    [
      'fewer bytes than the header announces',
      () => reply('1756-en2t').subarray(0, 60),
      'encapsulation length says 51 data bytes, the reply has 36',
    ],
    [
      'more bytes than the header announces',
      () => Buffer.concat([reply('1756-en2t'), Buffer.alloc(3)]),
      'encapsulation length says 51 data bytes, the reply has 54',
    ],
    [
      "a sender context that is not the request's",
      () => enipFixture('1756-en2t'),
      "sender context 0000000000000000 is not the request's 0102030405060708",
    ],
    [
      'no CPF items',
      () => withData(Buffer.from('0000', 'hex')),
      'no CIP Identity item (type 0x000C) among 0 CPF items',
    ],
    [
      'an item longer than the reply',
      () => withData(Buffer.from('01000c00ff00' + '00'.repeat(10), 'hex')),
      'CPF item 1 data: needs 255 bytes at byte 30, only 10 left',
    ],
    [
      'a product name longer than its item',
      () => {
        const frame = reply('1756-en2t');
        frame.writeUInt8(40, 62); // the name-length byte
        return frame;
      },
      'identity: product name: needs 40 bytes at byte 63, only 12 left',
    ],
    [
      'an identity item cut before the state (header and lengths agree)',
      () => {
        const frame = reply('1756-en2t');
        const cut = frame.subarray(0, frame.length - 1);
        cut.writeUInt16LE(cut.length - 24, 2);
        cut.writeUInt16LE(44, 28); // item length
        return cut;
      },
      'identity: state: needs 1 byte at byte 74, only 0 left',
    ],
    [
      'bytes after the last item',
      () => {
        const frame = Buffer.concat([reply('1756-en2t'), Buffer.from('ff', 'hex')]);
        frame.writeUInt16LE(frame.length - 24, 2);
        return frame;
      },
      '1 bytes after the last CPF item, at byte 75',
    ],
  ];

  it.each(malformed)('rejects %s with a message saying where', (_name, frame, message) => {
    const error = decodeError(frame());
    expect(error).toBeInstanceOf(ReplyFormatError);
    expect(error.message).toBe(message);
  });

  it('rejects every truncation of a valid reply, never misreading one', () => {
    const whole = reply('powerflex-755');
    for (let length = 0; length < whole.length; length += 1) {
      expect(() => decodeListIdentityReply(whole.subarray(0, length), CONTEXT)).toThrow(ReplyFormatError);
    }
  });
});

/** A frame with the given CPF data and a header that agrees with it. */
function withData(data: Buffer): Buffer {
  const header = reply('1756-en2t').subarray(0, 24);
  header.writeUInt16LE(data.length, 2);
  return Buffer.concat([header, data]);
}

describe('identity status word', () => {
  it('reads bits 10 and 11 as major faults and names which', () => {
    expect(identityFaults(0x0060 | (1 << 10), 3).major).toBe('major recoverable fault');
    expect(identityFaults(0x0060 | (1 << 11), 3).major).toBe('major unrecoverable fault');
    expect(identityFaults(0x0060 | (3 << 10), 3).major).toBe('major recoverable and unrecoverable fault');
  });

  it('reads bits 8 and 9 as minor faults, the unrecoverable one first', () => {
    expect(identityFaults(1 << 8, 3)).toEqual({ major: null, minor: 'recoverable' });
    expect(identityFaults(1 << 9, 3)).toEqual({ major: null, minor: 'unrecoverable' });
    expect(identityFaults(3 << 8, 3)).toEqual({ major: null, minor: 'unrecoverable' });
  });

  it('takes a faulted state (4, 5) as a major fault even when the status bits are clear', () => {
    expect(identityFaults(0x0060, 4).major).toBe('major recoverable fault (state 4)');
    expect(identityFaults(0x0060, 5).major).toBe('major unrecoverable fault (state 5)');
  });

  it('finds no fault in the fixtures', () => {
    expect(identityFaults(0x0060, 3)).toEqual({ major: null, minor: null });
    expect(identityFaults(0x0075, 3)).toEqual({ major: null, minor: null });
  });

  it('the status word offset the responder patches is the one the decoder reads', () => {
    const frame = reply('1756-en2t');
    frame.writeUInt16LE(0xabcd, STATUS_WORD_AT);
    expect(decodeListIdentityReply(frame, CONTEXT).status).toBe(0xabcd);
  });
});

describe('hashSerial', () => {
  it('is 12 hex digits, stable, and never contains the serial', () => {
    const hash = hashSerial('40A1B2C3', 'plant-augsburg');
    expect(hash).toMatch(/^[0-9a-f]{12}$/);
    expect(hashSerial('40a1b2c3', 'plant-augsburg')).toBe(hash);
    expect(hash).not.toContain('40a1b2c3');
  });

  it('differs between installations (salt) and between serials', () => {
    expect(hashSerial('40A1B2C3', 'plant-a')).not.toBe(hashSerial('40A1B2C3', 'plant-b'));
    expect(hashSerial('40A1B2C3', 'plant-a')).not.toBe(hashSerial('40A1B2C4', 'plant-a'));
  });
});
