// The OPC UA probe as the probe runner uses it (issue 13): from an endpoint's `probe: { kind:
// opcua }` to a ProbeResult with the server's identity. node-opcua is loaded on the first OPC UA
// check, not at start: it costs tens of MB of RSS that a plant without OPC UA servers never needs.
// Passwords are read from their variable or file once per config (at its apply), never logged.
import type { DeviceIdentity } from '../../shared/domain/identity';
import { createSecretReader, type OpcuaProbeConfig, type ProbeConfig, type SecretReader } from '../config';
import type { OpcuaAuth, OpcuaIdentity, OpcuaProbe, OpcuaProbeInput } from './opcua/opcua-probe';
import type { ProbeResult } from './probe-result';

export interface OpcuaEndpointProbe {
  check(probe: OpcuaProbeConfig, timeoutMs: number): Promise<ProbeResult>;
  /** A new config: idle sessions it does not use are closed, passwords are read again. */
  retain(probes: readonly ProbeConfig[]): void;
  /** Closes every session (shutdown); resolves when they are closed. */
  close(): Promise<void>;
  /** Sessions open or opening now (0 before the first OPC UA check). */
  pooledSessions(): number;
}

export interface OpcuaEndpointProbeOptions {
  /** The client's PKI folder (under the data folder); null: OPC UA checks fail with a clear error. */
  pkiDir: string | null;
  readSecret?: SecretReader;
}

/** BuildInfo in the one identity shape every protocol probe reports. */
export function deviceIdentityOf(identity: OpcuaIdentity): DeviceIdentity {
  const text = (value: string): string | null => (value === '' ? null : value);
  const firmware = [identity.softwareVersion, identity.buildNumber && `build ${identity.buildNumber}`]
    .filter(Boolean)
    .join(' ');
  return {
    source: 'opcua',
    vendor: text(identity.manufacturerName),
    product: text(identity.productName),
    firmware: text(firmware),
    serialHash: null,
    details: identity.productUri === '' ? {} : { product_uri: identity.productUri },
  };
}

export function createOpcuaEndpointProbe(options: OpcuaEndpointProbeOptions): OpcuaEndpointProbe {
  const readSecret = options.readSecret ?? createSecretReader();
  let loading: Promise<OpcuaProbe> | null = null;
  let loaded: OpcuaProbe | null = null;
  /** Passwords by where they are ("env:NAME", "file:PATH"), read on first use after each apply. */
  const passwords = new Map<string, string>();

  const probe = (pkiDir: string): Promise<OpcuaProbe> =>
    (loading ??= import('./opcua/opcua-probe').then((module) => {
      loaded = module.createOpcuaProbe({ pkiDir });
      return loaded;
    }));

  function authOf(config: OpcuaProbeConfig): OpcuaAuth {
    if (config.user === null) return 'anonymous';
    const { password } = config.user;
    const key = 'env' in password ? `env:${password.env}` : `file:${password.file}`;
    let value = passwords.get(key);
    if (value === undefined) {
      value = readSecret(password);
      passwords.set(key, value);
    }
    return { user: config.user.name, password: value };
  }

  const inputOf = (config: OpcuaProbeConfig, auth: OpcuaAuth): OpcuaProbeInput => ({
    url: config.url,
    security: config.security,
    auth,
    read: config.read.map((read) => ({
      node_id: read.nodeId,
      ...(read.expect ? { expect: read.expect } : {}),
    })),
  });

  return {
    async check(config, timeoutMs) {
      if (options.pkiDir === null) {
        return { ok: false, kind: 'error', message: 'no OPC UA PKI folder configured', rttMs: null };
      }
      let auth: OpcuaAuth;
      try {
        auth = authOf(config);
      } catch (error) {
        // The load checked it; the variable or file went away since. The message names only where.
        const why = error instanceof Error ? error.message : 'password not readable';
        return { ok: false, kind: 'auth', message: why, rttMs: null };
      }
      const outcome = await (await probe(options.pkiDir)).check(inputOf(config, auth), timeoutMs);
      if (!outcome.ok) return outcome;
      const identity = outcome.identity === null ? {} : { identity: deviceIdentityOf(outcome.identity) };
      return { ok: true, rttMs: outcome.rttMs, ...identity };
    },
    retain(probes) {
      passwords.clear();
      if (!loaded) return;
      const inputs: OpcuaProbeInput[] = [];
      for (const config of probes) {
        if (config.kind !== 'opcua') continue;
        try {
          inputs.push(inputOf(config, authOf(config)));
        } catch {
          // A password that cannot be read: its session is not kept, the next check says why.
        }
      }
      loaded.retain(inputs);
    },
    async close() {
      passwords.clear();
      // A load still under way would otherwise open sessions after the close.
      const opened = loaded ?? (loading ? await loading : null);
      await opened?.close();
    },
    pooledSessions: () => loaded?.pooledSessions() ?? 0,
  };
}
