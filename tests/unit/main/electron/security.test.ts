import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents, defined, fake, fakeEvent, resetFakeElectron } from '../../../support/fake-electron';
import {
  EXTERNAL_URL_ALLOW_LIST,
  installWebContentsHardening,
  isAllowedExternalUrl,
  lockDownDefaultSession,
} from '@src/main/electron/security';

vi.mock('electron', async () => (await import('../../../support/fake-electron')).fakeElectronModule);

/** A webContents created after the hook is installed, the way Electron announces it. */
function newContents(): FakeWebContents {
  const contents = new FakeWebContents();
  fake.app.emit('web-contents-created', fakeEvent(), contents);
  return contents;
}

beforeEach(() => {
  resetFakeElectron();
  installWebContentsHardening();
});

describe('webContents hardening', () => {
  it.each(['will-navigate', 'will-redirect'])(
    '%s: other origins are prevented, the app is allowed',
    (name) => {
      const contents = newContents();
      for (const url of [
        'https://evil.example/',
        'file:///etc/passwd',
        'app://other/index.html',
        'app://linewatch.evil/',
      ]) {
        const event = fakeEvent({ url });
        contents.emit(name, event, url);
        expect(event.defaultPrevented, url).toBe(true);
      }
      const inside = fakeEvent({ url: 'app://linewatch/index.html#/wall' });
      contents.emit(name, inside, inside.url);
      expect(inside.defaultPrevented).toBe(false);
    },
  );

  it('denies every window.open and opens only allow-listed URLs externally', () => {
    const contents = newContents();
    const handler = defined(contents.windowOpenHandler, 'window open handler');
    const allowed = `${EXTERNAL_URL_ALLOW_LIST[0]}availability.html`;
    for (const url of [
      allowed,
      'https://evil.example/docs/',
      'http://linewatch.example/docs/x',
      'https://linewatch.example/docs.evil/x',
      'https://user@linewatch.example/docs/x',
      'app://linewatch/index.html',
    ]) {
      expect(handler({ url })).toEqual({ action: 'deny' });
    }
    expect(fake.openedExternal).toEqual([allowed]);
  });

  it('keeps the allow-list to https prefixes ending in a slash', () => {
    expect(EXTERNAL_URL_ALLOW_LIST.length).toBeGreaterThan(0);
    for (const prefix of EXTERNAL_URL_ALLOW_LIST) expect(prefix).toMatch(/^https:\/\/[^/]+\/.*\/$/);
    expect(isAllowedExternalUrl('https://linewatch.example/docs/../admin')).toBe(false);
  });

  it('prevents webview attachment', () => {
    const contents = newContents();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('session permissions', () => {
  it('denies every permission request and answers false to every check', () => {
    lockDownDefaultSession();
    const request = defined(fake.session.permissionRequestHandler, 'permission request handler');
    const check = defined(fake.session.permissionCheckHandler, 'permission check handler');
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(check({}, permission, 'app://linewatch')).toBe(false);
    }
  });
});
