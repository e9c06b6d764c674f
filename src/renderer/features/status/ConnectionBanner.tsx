// Says plainly when the wall is not live, so nobody trusts a picture that stopped updating.
import { useClock } from '../../live/clock-store';
import { useWall } from '../../live/wall-store';

function RetryCountdown({ at }: { at: number }) {
  const seconds = useClock((now) => Math.max(0, Math.ceil((at - now) / 1_000)));
  return <>{seconds > 0 ? `Retrying in ${seconds}s` : 'Retrying now'}</>;
}

export function ConnectionBanner() {
  const connection = useWall((state) => state.connection);
  const loadError = useWall((state) => state.loadError);
  const hasSnapshot = useWall((state) => state.site !== null);

  if (connection.state === 'reconnecting') {
    return (
      <div className="banner banner--lost" role="alert" data-banner="connection-lost">
        <strong>⚠ CONNECTION LOST</strong>
        <span>Showing last known states — not live.</span>
        <span className="banner__retry">
          {connection.nextAttemptAt === null ? (
            'Reconnecting…'
          ) : (
            <RetryCountdown at={connection.nextAttemptAt} />
          )}
        </span>
      </div>
    );
  }
  if (connection.state === 'connecting' && hasSnapshot) {
    return (
      <div className="banner banner--info" role="status" data-banner="connecting">
        Connecting to Linewatch…
      </div>
    );
  }
  if (loadError) {
    return (
      <div className="banner banner--lost" role="alert" data-banner="load-error">
        <strong>⚠ WALL NOT LOADED</strong>
        <span>{loadError}</span>
      </div>
    );
  }
  return null;
}
