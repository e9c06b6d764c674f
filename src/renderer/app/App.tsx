// The console shell: header, navigation, banners and alarm strip around the page the hash names.
// As a kiosk wall (`?kiosk=1`) it drops the navigation, hides the idle cursor, keeps the screen
// awake and rotates through the wall pages on the timer from the settings.
import { Suspense, useDeferredValue, useEffect, useMemo } from 'react';
import { AcknowledgeDialog } from '../features/alarms/AcknowledgeDialog';
import { AlarmStrip } from '../features/alarms/AlarmStrip';
import { ConnectionBanner } from '../features/status/ConnectionBanner';
import { ConfigErrorBanner } from '../features/status/HealthIndicators';
import { SelfHealthPanel, SystemAlarmBanner } from '../features/health/SelfHealth';
import { WallHeader } from '../features/status/WallHeader';
import type { LinewatchClient } from '../client/linewatch-client';
import { useAlarms } from '../features/alarms/alarm-store';
import { startSettingsSync, useSettings } from '../features/settings/settings-store';
import { useWall } from '../live/wall-store';
import { ClientContext } from './client-context';
import { useCursorIdle, useRotation, useScreenWakeLock } from './kiosk-mode';
import { NavBar } from './NavBar';
import { DEFAULT_PATH, findRoute, ROUTES, rotationPages } from './routes';
import { parseHash, routeHref, useHash } from './router';

/** Until the settings arrive, a kiosk wall still rotates at this pace. */
const FALLBACK_ROTATION_SECONDS = 20;
/** Pages with their own alarm list, where the strip would repeat it. */
const PAGES_WITHOUT_STRIP = new Set(['alarms', 'settings']);

export function App({ client, kiosk }: { client: LinewatchClient; kiosk: boolean }) {
  const hash = useHash();
  const { path, params } = parseHash(hash);
  const route = findRoute(path);
  const lines = useWall((s) => s.lines);
  const stale = useWall((s) => s.connection.state !== 'open');
  const dialogOpen = useAlarms((s) => s.acknowledging !== null);
  const access = useWall((s) => s.appInfo?.access ?? 'unknown');
  const rotationSeconds = useSettings((s) => s.settings?.kioskRotationSeconds ?? FALLBACK_ROTATION_SECONDS);
  const pages = useMemo(() => rotationPages(ROUTES, lines), [lines]);
  const cursorIdle = useCursorIdle(kiosk);
  // The strip follows the page: when the snapshot arrives, the page's tiles commit first and the
  // strip (hundreds of rows in an alarm storm) mounts in a deferred render right after, which
  // React may split across frames, so a storm never holds back the first paint of the tiles (a
  // failed snapshot shows the strip at once: alarms matter most when the wall cannot load).
  const stripReady = useDeferredValue(
    useWall((s) => s.site !== null || s.loadError !== null),
    false,
  );

  useEffect(() => startSettingsSync(client), [client]);
  useEffect(() => {
    if (path === '') window.location.replace(routeHref(DEFAULT_PATH));
  }, [path]);
  useScreenWakeLock(kiosk);
  useRotation(kiosk, pages, rotationSeconds, dialogOpen || path === 'settings');

  const Page = route?.component;
  const current = route?.path ?? path;
  return (
    <ClientContext value={client}>
      <div
        className={`wall app${kiosk ? ' app--kiosk' : ''}${cursorIdle ? ' app--cursor-hidden' : ''}`}
        data-stale={stale}
        data-kiosk={kiosk}
        data-route={current}
        data-connection-access={access}
      >
        <WallHeader />
        {kiosk ? (
          <a
            className="app__kiosk-settings"
            href={routeHref('settings')}
            aria-label="Settings (PIN required)"
          >
            ⚙
          </a>
        ) : (
          <NavBar routes={ROUTES} current={current} />
        )}
        <ConnectionBanner />
        <ConfigErrorBanner />
        <SystemAlarmBanner />
        <SelfHealthPanel />
        {stripReady && !PAGES_WITHOUT_STRIP.has(current) && <AlarmStrip />}
        <div className="app__page">
          {Page ? (
            // Operator pages load on first visit; the wall pages are in the main bundle.
            <Suspense fallback={<p className="wall__empty">Loading…</p>}>
              <Page params={params} />
            </Suspense>
          ) : (
            <p className="wall__empty">No page “{path}”.</p>
          )}
        </div>
        <AcknowledgeDialog />
      </div>
    </ClientContext>
  );
}
