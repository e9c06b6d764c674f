import { describe, expect, it } from 'vitest';
import { NO_CONSENT } from '@src/shared/telemetry/consent';
import { createConsentGate } from '@src/shared/telemetry/consent-gate';
import { envelopeAllowed, gateTransport, type EnvelopeLike } from '@src/shared/telemetry/envelope-gate';

const envelope = (...types: string[]): EnvelopeLike => [{}, types.map((type) => [{ type }, {}] as const)];

describe('the transport gate', () => {
  it('lets an envelope out only when every item is granted now', () => {
    const gate = createConsentGate();
    expect(envelopeAllowed(envelope('event'), gate)).toBe(false);
    gate.set({ ...NO_CONSENT, error_diagnostics: true });
    expect(envelopeAllowed(envelope('event'), gate)).toBe(true);
    expect(envelopeAllowed(envelope('session'), gate)).toBe(true);
    expect(envelopeAllowed(envelope('transaction'), gate)).toBe(false);
    expect(envelopeAllowed(envelope('event', 'transaction'), gate)).toBe(false);
    gate.set({ ...NO_CONSENT, performance: true });
    expect(envelopeAllowed(envelope('transaction'), gate)).toBe(true);
    expect(envelopeAllowed(envelope('span'), gate)).toBe(true);
  });

  it('never lets unknown item types (replay, profile, log) or empty envelopes out', () => {
    const gate = createConsentGate({ error_diagnostics: true, performance: true, usage_analytics: true });
    for (const type of ['replay_event', 'replay_recording', 'profile', 'log', 'check_in', 'feedback']) {
      expect(envelopeAllowed(envelope(type), gate)).toBe(false);
    }
    expect(envelopeAllowed([{}, []], gate)).toBe(false);
  });

  it('wraps a transport: dropped envelopes resolve like a success and never reach it', async () => {
    const gate = createConsentGate();
    const sent: EnvelopeLike[] = [];
    const make = (_options: { url: string }) => ({
      send: (e: EnvelopeLike) => {
        sent.push(e);
        return Promise.resolve({ statusCode: 200 });
      },
      flush: () => Promise.resolve(true),
    });
    const transport = gateTransport(make, gate, {})({ url: 'http://127.0.0.1/1' });
    await expect(transport.send(envelope('event'))).resolves.toEqual({});
    expect(sent).toHaveLength(0);
    gate.set({ ...NO_CONSENT, error_diagnostics: true });
    await expect(transport.send(envelope('event'))).resolves.toEqual({ statusCode: 200 });
    gate.set(NO_CONSENT);
    await transport.send(envelope('event'));
    expect(sent).toHaveLength(1);
  });
});
