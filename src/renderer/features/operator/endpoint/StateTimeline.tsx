// An endpoint's state over the window as one horizontal bar: each span's width is its share of
// the window; state shows as word, pattern and colour (solid teal up, hatched orange down, dashed
// grey unknown), with the list of changes below for exact times.
import type { StateSpan } from '../../../../shared/contract';
import { STATE_LABEL } from '../../../live/format-live';
import { formatDuration } from '../../../../shared/format';
import { isoTime } from '../../../../shared/time';
import { formatDateTime } from '../format-operator';

export function StateTimeline({
  spans,
  fromMs,
  toMs,
  nowMs,
  timeZone,
}: {
  spans: readonly StateSpan[];
  fromMs: number;
  toMs: number;
  nowMs: number;
  timeZone: string | undefined;
}) {
  const total = toMs - fromMs;
  const end = (span: StateSpan): number => Math.min(span.until ? Date.parse(span.until) : nowMs, toMs);
  const known = spans.length > 0 ? Date.parse(spans[0]?.since ?? '') : toMs;
  return (
    <div className="op-timeline">
      <div className="op-timeline__bar" role="img" aria-label="State over the selected window">
        {known > fromMs && (
          <span
            className="op-timeline__span op-timeline__span--none"
            style={{ flexGrow: (known - fromMs) / total }}
            title="No record"
          />
        )}
        {spans.map((span) => {
          const share = (end(span) - Date.parse(span.since)) / total;
          return (
            <span
              key={span.since}
              className={`op-timeline__span op-timeline__span--${span.state}`}
              style={{ flexGrow: Math.max(share, 0) }}
              title={`${STATE_LABEL[span.state].text} from ${formatDateTime(span.since, timeZone, true)}`}
            >
              {share > 0.06 ? `${STATE_LABEL[span.state].icon} ${STATE_LABEL[span.state].text}` : ''}
            </span>
          );
        })}
      </div>
      <div className="op-timeline__axis">
        <span>{formatDateTime(isoTime(fromMs), timeZone)}</span>
        <span>{formatDateTime(isoTime(toMs), timeZone)}</span>
      </div>
      {spans.length === 0 ? (
        <p className="op-status op-status--empty">No state recorded in this window.</p>
      ) : (
        <ol className="op-timeline__list">
          {[...spans]
            .reverse()
            .slice(0, 12)
            .map((span) => (
              <li key={span.since} data-state={span.state}>
                <span className={`op-tag op-tag--${span.state}`}>
                  {STATE_LABEL[span.state].icon} {STATE_LABEL[span.state].text}
                </span>
                <span>{formatDateTime(span.since, timeZone, true)}</span>
                <span className="op-muted">
                  {span.until
                    ? `for ${formatDuration((end(span) - Date.parse(span.since)) / 1000)}`
                    : 'until now'}
                </span>
              </li>
            ))}
        </ol>
      )}
    </div>
  );
}
