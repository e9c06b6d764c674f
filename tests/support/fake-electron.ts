// A hand-written stand-in for the `electron` module: the real one cannot run under plain Node (and
// its index.js tries to download a binary). Each test file does
//   vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule);
// and then inspects `fake` to see what the shell asked Electron to do.

type Listener = (...args: unknown[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapper: Listener = (...args) => {
      this.removeListener(event, wrapper);
      return listener(...args);
    };
    return this.on(event, wrapper);
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** An event object like Electron's, recording whether a handler vetoed it. */
export function fakeEvent<T extends object>(
  extra: T = {} as T,
): T & { preventDefault(): void; defaultPrevented: boolean } {
  const event = {
    ...extra,
    defaultPrevented: false,
    preventDefault(): void {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  destroyed = false;
  readonly sent: { channel: string; payload: unknown }[] = [];

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }

  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  readonly calls: string[] = [];
  minimized = false;
  destroyed = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  restore(): void {
    this.minimized = false;
    this.calls.push('restore');
  }
  show(): void {
    this.calls.push('show');
  }
  focus(): void {
    this.calls.push('focus');
  }
}

class FakeApp extends FakeEmitter {
  lockAvailable = true;
  readonly calls: string[] = [];
  readonly paths = new Map<string, string>([['userData', '/tmp/linewatch-fake-user-data']]);
  private readyResolve: (() => void) | null = null;
  private readyPromise: Promise<void> = Promise.resolve();

  /** Makes `whenReady()` wait until `becomeReady()` is called (default: already ready). */
  holdReady(): void {
    this.readyPromise = new Promise((resolve) => {
      this.readyResolve = resolve;
    });
  }
  becomeReady(): void {
    this.readyResolve?.();
  }

  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return this.lockAvailable;
  }
  enableSandbox(): void {
    this.calls.push('enableSandbox');
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  quit(): void {
    this.calls.push('quit');
  }
  exit(code?: number): void {
    this.calls.push(`exit:${code ?? 0}`);
  }
  getPath(name: string): string {
    const path = this.paths.get(name);
    if (path === undefined) throw new Error(`fake app has no path "${name}"`);
    return path;
  }
  setPath(name: string, path: string): void {
    this.calls.push(`setPath:${name}`);
    this.paths.set(name, path);
  }
  getVersion(): string {
    return '9.9.9-test';
  }
}

type InvokeListener = (event: unknown, payload: unknown) => unknown;

class FakeIpcMain {
  readonly handlers = new Map<string, InvokeListener>();
  readonly handleCalls: string[] = [];

  handle(channel: string, listener: InvokeListener): void {
    this.handleCalls.push(channel);
    // Electron throws on a second handler for the same channel; so does the fake.
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Simulates `ipcRenderer.invoke` arriving from a frame. */
  async invoke(channel: string, event: unknown, payload: unknown): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return await listener(event, payload);
  }
}

/** Electron's Notification: records what was shown; `FakeNotification.supported` and `.failWith` steer it. */
export class FakeNotification extends FakeEmitter {
  static supported = true;
  /** When set, the next notices emit 'failed' with this error instead of 'show'. */
  static failWith: string | null = null;
  static shown: FakeNotification[] = [];
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  constructor(readonly options: { title: string; body: string; urgency?: string; silent?: boolean }) {
    super();
  }
  show(): void {
    FakeNotification.shown.push(this);
    if (FakeNotification.failWith === null) this.emit('show', fakeEvent());
    else this.emit('failed', fakeEvent(), FakeNotification.failWith);
  }
}

type ProtocolHandler = (request: { url: string; method: string }) => Promise<Response>;

class FakeProtocol {
  readonly privileged: unknown[] = [];
  readonly handlers = new Map<string, ProtocolHandler>();
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: ProtocolHandler): void {
    this.handlers.set(scheme, handler);
  }
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string) => boolean;

class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
}

class FakeIpcRenderer extends FakeEmitter {
  readonly invocations: { channel: string; payload: unknown }[] = [];
  invoke(channel: string, payload: unknown): Promise<unknown> {
    this.invocations.push({ channel, payload });
    return Promise.resolve({ ok: true, value: { channel } });
  }
}

function createState() {
  return {
    app: new FakeApp(),
    ipcMain: new FakeIpcMain(),
    protocol: new FakeProtocol(),
    session: new FakeSession(),
    ipcRenderer: new FakeIpcRenderer(),
    openedExternal: [] as string[],
    exposed: new Map<string, unknown>(),
    errorBoxes: [] as { title: string; content: string }[],
  };
}

/** What the shell did; replaced wholesale by `resetFakeElectron()`. */
export let fake = createState();

export function resetFakeElectron(): void {
  fake = createState();
  FakeBrowserWindow.instances = [];
  FakeNotification.supported = true;
  FakeNotification.failWith = null;
  FakeNotification.shown = [];
}

// Getters, not values: `resetFakeElectron` swaps the state and the module must follow it.
export const fakeElectronModule = {
  get app() {
    return fake.app;
  },
  get ipcMain() {
    return fake.ipcMain;
  },
  get protocol() {
    return fake.protocol;
  },
  get session() {
    return { defaultSession: fake.session };
  },
  get ipcRenderer() {
    return fake.ipcRenderer;
  },
  BrowserWindow: FakeBrowserWindow,
  Notification: FakeNotification,
  shell: {
    openExternal(url: string): Promise<void> {
      fake.openedExternal.push(url);
      return Promise.resolve();
    },
  },
  contextBridge: {
    exposeInMainWorld(key: string, api: unknown): void {
      fake.exposed.set(key, api);
    },
  },
  dialog: {
    showErrorBox(title: string, content: string): void {
      fake.errorBoxes.push({ title, content });
    },
  },
};

/** Narrows away null/undefined with a readable failure (lint forbids `!`). */
export function defined<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected ${what} to be defined`);
  return value;
}
