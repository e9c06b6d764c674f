// Defence in depth for every webContents the app ever creates (windows, devtools, anything a bug
// might open): the renderer may only show our own pages, never spawn windows or webviews, and
// never get a browser permission. The wall has no use for any of them.
import { app, session, shell, type Session, type WebContents } from 'electron';
import { isAppUrl } from './app-protocol';

/**
 * The only external pages a link in the app may open, in the operator's browser (never inside the
 * app). Prefixes end with `/` so `https://linewatch.example/docs.evil` cannot match.
 */
export const EXTERNAL_URL_ALLOW_LIST: readonly string[] = [
  'https://linewatch.example/docs/',
  'https://linewatch.example/support/',
];

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  // Compare the normalized form so `..` segments or odd casing cannot sneak past a prefix.
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  return EXTERNAL_URL_ALLOW_LIST.some((prefix) => url.href.startsWith(prefix));
}

export function hardenWebContents(contents: WebContents): void {
  // Navigation or a server redirect away from app:// would hand the preload bridge to a foreign page.
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) {
      shell.openExternal(url).catch(() => {
        // No browser configured on a locked-down wall PC: nothing useful to do but not crash.
      });
    }
    return { action: 'deny' };
  });
  // webviewTag is already false; this also stops one from a future window that forgets the flag.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}

/**
 * Hooks creation of every webContents; call before the first window exists. Permissions are
 * per-session and the session only exists once the app is ready, hence the separate call.
 */
export function installWebContentsHardening(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

export function lockDownDefaultSession(): void {
  denyAllPermissions(session.defaultSession);
}
