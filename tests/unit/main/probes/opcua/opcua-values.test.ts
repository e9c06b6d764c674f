// The pure parts of the OPC UA probe: naming server states, comparing values with expectations, and
// sorting library errors into failure kinds (the texts are those node-opcua produces).
import { DataType, LocalizedText, ServerState, Variant, VariantArrayType } from 'node-opcua-client';
import { describe, expect, it } from 'vitest';
import { classifyOpcuaError } from '@src/main/probes/opcua/opcua-failure';
import { expectationMismatch, serverStateName } from '@src/main/probes/opcua/opcua-values';

describe('serverStateName', () => {
  it('names every ServerState and says when a value is none', () => {
    expect(
      [
        ServerState.Failed,
        ServerState.NoConfiguration,
        ServerState.Suspended,
        ServerState.Shutdown,
        ServerState.Test,
        ServerState.CommunicationFault,
        ServerState.Unknown,
      ].map(serverStateName),
    ).toEqual([
      'Failed',
      'NoConfiguration',
      'Suspended',
      'Shutdown',
      'Test',
      'CommunicationFault',
      'Unknown',
    ]);
    expect(serverStateName(42)).toBe('ServerState 42');
    expect(serverStateName('Running')).toBe('not a ServerState (string)');
  });
});

describe('expectationMismatch', () => {
  const node = 'ns=2;s=X';
  it('compares 64-bit integers as numbers and localized texts as their text', () => {
    const counter = new Variant({
      dataType: DataType.UInt64,
      arrayType: VariantArrayType.Scalar,
      value: [1, 5],
    });
    expect(expectationMismatch(node, counter, { min: 2 ** 32 })).toBeNull();
    expect(expectationMismatch(node, counter, { equals: 2 ** 32 + 5 })).toBeNull();
    const text = new Variant({
      dataType: DataType.LocalizedText,
      value: new LocalizedText({ text: 'AUTO' }),
    });
    expect(expectationMismatch(node, text, { equals: 'AUTO' })).toBeNull();
  });

  it('says what was found and what was expected', () => {
    const on = new Variant({ dataType: DataType.Boolean, value: true });
    expect(expectationMismatch(node, on, { equals: false })).toBe('ns=2;s=X is true, expected false');
    const text = new Variant({ dataType: DataType.String, value: 'STOP' });
    expect(expectationMismatch(node, text, { min: 1 })).toBe('ns=2;s=X is "STOP", expected a number');
    const low = new Variant({ dataType: DataType.Double, value: 0.5 });
    expect(expectationMismatch(node, low, { min: 1 })).toBe('ns=2;s=X is 0.5, below the minimum 1');
  });
});

describe('classifyOpcuaError', () => {
  it.each([
    ['BadUserAccessDenied (0x801f0000)', 'auth', 'login refused: BadUserAccessDenied'],
    ['BadIdentityTokenRejected (0x80210000)', 'auth', 'login refused: BadIdentityTokenRejected'],
    [
      'server Certificate verification failed with err BadCertificateUntrusted (0x801a0000)',
      'tls',
      'security: BadCertificateUntrusted',
    ],
    ['BadSecurityChecksFailed (0x80130000)', 'tls', 'security: BadSecurityChecksFailed'],
    [
      'The connection cannot be established with server opc.tcp://127.0.0.1:4840 .\nPlease check ...\nErr = (connect ECONNREFUSED 127.0.0.1:4840)',
      'refused',
      'connect ECONNREFUSED',
    ],
    ['getaddrinfo ENOTFOUND plc.invalid', 'dns', 'connect ENOTFOUND'],
    [
      'The connection may have been rejected by server,\n Err = (ERROR in waiting for data on socket(timeout was = 60000 ms) hadErrortrue )',
      'protocol',
      'the peer does not speak OPC UA (bad or no handshake reply)',
    ],
    ['Invalid Channel BadConnectionClosed', 'unreachable', 'connection lost: BadConnectionClosed'],
    ['BadTimeout (0x800a0000)', 'timeout', 'no answer from the server in time'],
    ['something else\nwith a second line', 'error', 'something else'],
  ])('%s -> %s', (message, kind, text) => {
    expect(classifyOpcuaError(new Error(message))).toEqual({ kind, message: text });
  });
});
