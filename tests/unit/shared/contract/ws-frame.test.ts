import { describe, expect, it } from 'vitest';
import { parseClientFrame, wsSubprotocols } from '@src/shared/contract/ws-protocol';

describe('parseClientFrame', () => {
  it('reads a request frame', () => {
    expect(parseClientFrame('{"type":"request","id":7,"method":"getAppInfo","payload":{}}')).toEqual({
      ok: true,
      frame: { type: 'request', id: 7, method: 'getAppInfo', payload: {} },
    });
    // payload may be absent (the contract treats it as {}); unknown keys are ignored
    expect(parseClientFrame('{"type":"request","id":0,"method":"listAlarms","x":1}')).toMatchObject({
      ok: true,
      frame: { id: 0, method: 'listAlarms', payload: undefined },
    });
    const max = Number.MAX_SAFE_INTEGER;
    expect(parseClientFrame(`{"type":"request","id":${max},"method":"m"}`)).toMatchObject({ ok: true });
  });

  it.each([
    ['not JSON', 'hello', null, 'not JSON'],
    ['truncated JSON', '{"type":"request","id":3', null, 'not JSON'],
    ['an array', '[1,2]', null, 'an array'],
    ['a number', '42', null, 'got 42'],
    ['null', 'null', null, 'got null'],
    ['a string', '"request"', null, 'the string'],
    ['no type', '{"id":5,"method":"getAppInfo"}', 5, 'got no type'],
    ['another type', '{"type":"event","id":5,"method":"x"}', 5, 'type the string "event"'],
    ['no id', '{"type":"request","method":"getAppInfo"}', null, 'got none'],
    ['a negative id', '{"type":"request","id":-1,"method":"getAppInfo"}', null, 'got -1'],
    ['a fractional id', '{"type":"request","id":1.5,"method":"getAppInfo"}', null, 'got 1.5'],
    ['a huge id', '{"type":"request","id":9007199254740993,"method":"m"}', null, '2^53 - 1'],
    ['a string id', '{"type":"request","id":"1","method":"m"}', null, 'the string "1"'],
    ['no method', '{"type":"request","id":2}', 2, '"method"'],
    ['a method that is not a string', '{"type":"request","id":2,"method":{}}', 2, 'an object'],
    ['a very long method', `{"type":"request","id":2,"method":"${'x'.repeat(65)}"}`, 2, 'at most 64'],
  ])('refuses %s, with the id when it is a valid one', (_label, text, id, message) => {
    const parsed = parseClientFrame(text);
    expect(parsed).toMatchObject({ ok: false, id });
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });

  it('never echoes a long value back', () => {
    const parsed = parseClientFrame(JSON.stringify({ type: 'x'.repeat(10_000), id: 1 }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message.length).toBeLessThan(120);
  });
});

describe('wsSubprotocols', () => {
  it('offers the contract, and the token when there is one', () => {
    expect(wsSubprotocols()).toEqual(['linewatch.v1']);
    expect(wsSubprotocols(null)).toEqual(['linewatch.v1']);
    expect(wsSubprotocols('abcdefghijklmnop')).toEqual(['linewatch.v1', 'linewatch.token.abcdefghijklmnop']);
  });
});
