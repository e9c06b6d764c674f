// Just enough of a browser window for the real mixpanel-browser to run under Node (no jsdom here):
// a localStorage that behaves like the DOM's (items are own enumerable properties), and an
// XMLHttpRequest whose requests the test answers when it wants, so a batch can be held in flight.
// Install it before mixpanel-browser is first imported: the SDK captures `window` at load time.

class MemoryStorage {
  get length(): number {
    return Object.keys(this).length;
  }
  key(index: number): string | null {
    return Object.keys(this)[index] ?? null;
  }
  getItem(key: string): string | null {
    return Object.hasOwn(this, key) ? String(Reflect.get(this, key)) : null;
  }
  // A page's scripts may pass any value; Storage keeps its string form.
  setItem(key: string, value: unknown): void {
    Reflect.set(this, key, String(value));
  }
  removeItem(key: string): void {
    Reflect.deleteProperty(this, key);
  }
  clear(): void {
    for (const key of Object.keys(this)) Reflect.deleteProperty(this, key);
  }
}

export interface FakeRequest {
  url: string;
  body: string;
  /** Events in the request (Mixpanel's `data` parameter, JSON or base64 JSON). */
  events: { event: string; properties: Record<string, unknown> }[];
  respond(status: number, text?: string): void;
  answered: boolean;
}

function decodeEvents(body: string): FakeRequest['events'] {
  const data = new URLSearchParams(body).get('data') ?? '[]';
  const json = data.startsWith('[') || data.startsWith('{') ? data : Buffer.from(data, 'base64').toString();
  const parsed: unknown = JSON.parse(json);
  return (Array.isArray(parsed) ? parsed : [parsed]) as FakeRequest['events'];
}

export interface FakeBrowser {
  localStorage: MemoryStorage;
  requests: FakeRequest[];
  reset(): void;
}

export function installFakeBrowser(): FakeBrowser {
  const localStorage = new MemoryStorage();
  const sessionStorage = new MemoryStorage();
  const requests: FakeRequest[] = [];

  class FakeXMLHttpRequest {
    withCredentials = false;
    timeout = 0;
    readyState = 0;
    status = 0;
    statusText = '';
    responseText = '';
    onreadystatechange: (() => void) | null = null;
    ontimeout: (() => void) | null = null;
    private url = '';
    open(_method: string, url: string): void {
      this.url = url;
      this.readyState = 1;
    }
    setRequestHeader(): void {}
    getResponseHeader(): string | null {
      return null;
    }
    send(body: string): void {
      const request: FakeRequest = {
        url: this.url,
        body,
        events: decodeEvents(body),
        answered: false,
        respond: (status, text = '{"status":1}') => {
          if (request.answered) return;
          request.answered = true;
          this.readyState = 4;
          this.status = status;
          this.responseText = text;
          this.onreadystatechange?.();
        },
      };
      requests.push(request);
    }
  }

  const location = {
    href: 'http://127.0.0.1/',
    protocol: 'http:',
    host: '127.0.0.1',
    hostname: '127.0.0.1',
    pathname: '/',
    search: '',
    hash: '',
  };
  const noop = (): void => undefined;
  const document = {
    location,
    referrer: '',
    title: 'Linewatch',
    cookie: '',
    readyState: 'complete',
    URL: location.href,
    createElement: () => ({ style: {} }),
    getElementsByTagName: () => [],
    querySelectorAll: () => [],
    addEventListener: noop,
    removeEventListener: noop,
  };
  const window = {
    localStorage,
    sessionStorage,
    location,
    document,
    navigator: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36', onLine: true },
    screen: { width: 1920, height: 1080 },
    XMLHttpRequest: FakeXMLHttpRequest,
    crypto: globalThis.crypto,
    addEventListener: noop,
    removeEventListener: noop,
    dispatchEvent: () => true,
    CustomEvent: globalThis.CustomEvent,
  };
  // The SDK reads most things from `window` but constructs `new XMLHttpRequest()` unqualified.
  Object.assign(globalThis, { window, XMLHttpRequest: FakeXMLHttpRequest });

  return {
    localStorage,
    requests,
    reset() {
      localStorage.clear();
      sessionStorage.clear();
      requests.length = 0;
    },
  };
}
