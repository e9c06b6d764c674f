// OPC UA sessions kept open between checks, one per (url, security, user). Opening a session costs a
// TCP connect, a secure channel (RSA work with security on), CreateSession and ActivateSession; a
// check on a pooled session is one Read. Servers also limit their sessions (often to a few dozen),
// so a monitor that opened one per check would crowd out the HMIs it is meant to watch.
//
// Life of an entry: opened on first use; reused while healthy; discarded (closed in the background)
// when a check fails on it, when its connection ends between checks, when its server-side session
// timeout is near, when it sits unused for `idleCloseMs`, or when the pool is full and it is the
// least recently used one. Every discard makes a fresh OPCUAClient next time: node-opcua clients are
// not meant to be reconnected after a disconnect.
import { OPCUACertificateManager } from 'node-opcua-certificate-manager';
import {
  MessageSecurityMode,
  OPCUAClient,
  SecurityPolicy,
  UserTokenType,
  type ClientSession,
  type UserIdentityInfo,
} from 'node-opcua-client';

export type OpcuaSecurity = 'none' | 'sign' | 'sign_and_encrypt';
export type OpcuaAuth = 'anonymous' | { user: string; password: string };

export interface SessionSpec {
  url: string;
  security: OpcuaSecurity;
  auth: OpcuaAuth;
}

export interface PooledSession {
  readonly key: string;
  /** Settles when the session is open (or could not be opened). */
  readonly ready: Promise<ClientSession>;
  /** The connection or the session ended outside a check: do not reuse. */
  broken: boolean;
  /** Checks running on it now; an entry in use is never evicted or swept. */
  inUse: number;
  lastUsedMs: number;
}

export interface SessionPoolOptions {
  /** PKI store of the client: own certificate and key, trusted/, rejected/, issuers/. */
  pkiDir: string;
  maxSessions: number;
  idleCloseMs: number;
  now: () => number;
}

export interface SessionPool {
  /** The pooled session for the spec, or null when the pool is full of sessions in use. */
  acquire(spec: SessionSpec): PooledSession | null;
  /** The check is done with the entry; an unhealthy one is closed. */
  release(entry: PooledSession, healthy: boolean): void;
  /** A server certificate was refused: an operator may trust it any moment by moving the file. */
  certificateRefused(): void;
  /** Politely close the idle sessions none of `specs` would use (after a config change). */
  retain(specs: readonly SessionSpec[]): void;
  size(): number;
  closeAll(): Promise<void>;
}

interface Entry extends PooledSession {
  readonly password: string | null;
  readonly client: OPCUAClient;
  session: ClientSession | null;
  /** The secure channel being opened or open: what an abrupt close cuts. */
  channel: { abortConnection(callback: (error?: Error | null) => void): void } | null;
  /** Discarded: its close has begun; it is in no map and serves no new check. */
  closed: boolean;
}

/** Sign and encrypt use Basic256Sha256: the policy every current server and PLC offers. */
const SIGNED_POLICY = SecurityPolicy.Basic256Sha256;
/** Ask for a session timeout well above the idle limit, so the server never drops a pooled session first. */
const SESSION_TIMEOUT_OVER_IDLE = 2;
/** Replace a session at this fraction of the timeout the server granted: it may expire before the read lands. */
const SESSION_RENEW_FRACTION = 0.8;
/** How long a polite close may take before the pool stops waiting for it. */
const CLOSE_WAIT_MS = 5_000;

export function sessionKey(spec: SessionSpec): string {
  const user = spec.auth === 'anonymous' ? '' : spec.auth.user;
  return JSON.stringify([spec.url, spec.security, user]);
}

function securityMode(security: OpcuaSecurity): MessageSecurityMode {
  if (security === 'sign') return MessageSecurityMode.Sign;
  if (security === 'sign_and_encrypt') return MessageSecurityMode.SignAndEncrypt;
  return MessageSecurityMode.None;
}

function identityOf(auth: OpcuaAuth): UserIdentityInfo {
  if (auth === 'anonymous') return { type: UserTokenType.Anonymous };
  return { type: UserTokenType.UserName, userName: auth.user, password: auth.password };
}

function withCap(work: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void work
      .catch(() => undefined)
      .finally(() => {
        clearTimeout(timer);
        resolve();
      });
  });
}

export function createSessionPool(options: SessionPoolOptions): SessionPool {
  const entries = new Map<string, Entry>();
  const closing = new Set<Promise<void>>();
  let certificates: OPCUACertificateManager | null = null;
  let sweepTimer: NodeJS.Timeout | null = null;

  // One certificate store for all clients: one Linewatch certificate for the server admins to trust,
  // and one set of folder watchers however many endpoints there are.
  function certificateStore(): OPCUACertificateManager {
    certificates ??= new OPCUACertificateManager({
      rootFolder: options.pkiDir,
      // An unknown server certificate is refused and filed under rejected/ until someone moves it
      // to trusted/ (the OPC UA way); accepting it silently would make sign/encrypt meaningless.
      automaticallyAcceptUnknownCertificate: false,
      // No folder watchers: the store rescans its folders before the next session opens after a
      // certificate was refused (see certificateRefused), which is the one time a change matters.
      disableFileWatchers: true,
    });
    return certificates;
  }

  let rescan: Promise<void> | null = null;
  let rescanWanted = false;
  /** One rescan for all the sessions that open next, however many there are. */
  function rescanIfWanted(store: OPCUACertificateManager): Promise<void> {
    if (rescanWanted) {
      rescanWanted = false;
      rescan = store.reloadCertificates().finally(() => {
        rescan = null;
      });
    }
    return rescan ?? Promise.resolve();
  }

  function open(spec: SessionSpec): Entry {
    const requestedSessionTimeout = options.idleCloseMs * SESSION_TIMEOUT_OVER_IDLE;
    const store = certificateStore();
    const mode = securityMode(spec.security);
    const client = OPCUAClient.create({
      applicationName: 'Linewatch',
      endpointMustExist: false,
      // No retries and no background reconnection: the next check decides whether to try again.
      connectionStrategy: { maxRetry: 0, initialDelay: 100, maxDelay: 100 },
      securityMode: mode,
      securityPolicy: mode === MessageSecurityMode.None ? SecurityPolicy.None : SIGNED_POLICY,
      requestedSessionTimeout,
      keepSessionAlive: false,
      clientCertificateManager: store,
    });
    const markBroken = (): void => {
      if (entry.closed) return;
      entry.broken = true;
      if (entry.inUse === 0) discard(entry, 'abrupt');
    };
    const connectAndLogIn = async (): Promise<ClientSession> => {
      await rescanIfWanted(store);
      await client.connect(spec.url);
      const session = await client.createSession(identityOf(spec.auth));
      session.on('session_closed', markBroken);
      entry.session = session;
      // Discarded while logging in (a check timed out): this session is nobody's to close but ours.
      if (entry.closed) void withCap(session.close(), CLOSE_WAIT_MS);
      return session;
    };
    const entry: Entry = {
      key: sessionKey(spec),
      password: spec.auth === 'anonymous' ? null : spec.auth.password,
      client,
      session: null,
      channel: null,
      broken: false,
      closed: false,
      inUse: 0,
      lastUsedMs: options.now(),
      ready: connectAndLogIn(),
    };
    // A failed open is reported by the check that awaits it; nobody else must see it unhandled.
    entry.ready.catch(() => undefined);
    client.on('secure_channel_created', (channel) => {
      entry.channel = channel;
    });
    client.on('connection_lost', markBroken);
    client.on('close', markBroken);
    return entry;
  }

  /**
   * Take the entry out of the pool and close it. 'polite' (idle, evicted, pool closed) sends
   * CloseSession so the server frees the slot at once. 'abrupt' (a check failed on it, or its
   * connection ended) cuts the channel first: there is nobody left to be polite to, and node-opcua's
   * disconnect alone does not stop a connect that is still waiting for the server's handshake.
   */
  function discard(entry: Entry, how: 'polite' | 'abrupt'): void {
    if (entries.get(entry.key) === entry) entries.delete(entry.key);
    entry.broken = true;
    if (entry.closed) return;
    entry.closed = true;
    if (entries.size === 0) stopSweeping();
    const done = (async () => {
      const { session, channel } = entry;
      entry.session = null;
      if (how === 'polite' && session) await withCap(session.close(), CLOSE_WAIT_MS);
      if (how === 'abrupt' && channel) {
        await withCap(
          new Promise<void>((resolve) => channel.abortConnection(() => resolve())),
          CLOSE_WAIT_MS,
        );
      }
      await withCap(entry.client.disconnect(), CLOSE_WAIT_MS);
    })();
    closing.add(done);
    void done.finally(() => closing.delete(done));
  }

  function sweep(): void {
    const now = options.now();
    for (const entry of entries.values()) {
      if (entry.inUse === 0 && now - entry.lastUsedMs >= options.idleCloseMs) discard(entry, 'polite');
    }
  }

  function startSweeping(): void {
    if (sweepTimer) return;
    sweepTimer = setInterval(sweep, Math.max(50, Math.min(options.idleCloseMs / 2, 60_000)));
    // The sweep must never keep the process alive on its own.
    sweepTimer.unref();
  }

  function stopSweeping(): void {
    if (sweepTimer) clearInterval(sweepTimer);
    sweepTimer = null;
  }

  /** Whether the session the server granted is near its timeout (idle longer than it allows). */
  function nearTimeout(entry: Entry): boolean {
    const timeout = entry.session?.timeout;
    return timeout !== undefined && options.now() - entry.lastUsedMs >= timeout * SESSION_RENEW_FRACTION;
  }

  function evictLeastRecentlyUsed(): boolean {
    let oldest: Entry | null = null;
    for (const entry of entries.values()) {
      if (entry.inUse === 0 && (!oldest || entry.lastUsedMs < oldest.lastUsedMs)) oldest = entry;
    }
    if (oldest) discard(oldest, 'polite');
    return oldest !== null;
  }

  return {
    acquire(spec) {
      const key = sessionKey(spec);
      const password = spec.auth === 'anonymous' ? null : spec.auth.password;
      let entry = entries.get(key);
      if (
        entry &&
        (entry.broken || entry.password !== password || (entry.inUse === 0 && nearTimeout(entry)))
      ) {
        discard(entry, entry.broken ? 'abrupt' : 'polite');
        entry = undefined;
      }
      if (!entry) {
        if (entries.size >= options.maxSessions && !evictLeastRecentlyUsed()) return null;
        entry = open(spec);
        entries.set(key, entry);
        startSweeping();
      }
      entry.inUse += 1;
      return entry;
    },
    release(pooled, healthy) {
      const entry = pooled as Entry;
      entry.inUse -= 1;
      entry.lastUsedMs = options.now();
      if (!healthy || entry.broken) discard(entry, 'abrupt');
    },
    certificateRefused() {
      rescanWanted = true;
    },
    retain(specs) {
      const wanted = new Set(specs.map(sessionKey));
      for (const entry of [...entries.values()]) {
        // One in use (a check of the old config still running) is left to the idle sweep.
        if (!wanted.has(entry.key) && entry.inUse === 0) discard(entry, 'polite');
      }
    },
    size: () => entries.size,
    async closeAll() {
      for (const entry of [...entries.values()]) discard(entry, 'polite');
      stopSweeping();
      while (closing.size > 0) await Promise.all([...closing]);
      const store = certificates;
      certificates = null;
      if (store) {
        // Each client counts itself on the shared store, but a client whose connect failed never
        // counts itself off again; with every client gone, the store is ours to release.
        store.referenceCounter = 0;
        await store.dispose();
      }
    },
  };
}
