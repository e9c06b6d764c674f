// The configuration in use: its text with line numbers, the validation errors of the file on disk
// (when an edit was rejected, the last good config keeps running), and every applied version with
// the endpoints it added, changed or removed.
import { useClient } from '../../../app/client-context';
import { formatDateTime } from '../format-operator';
import { useRequest } from '../use-request';
import { useWall } from '../../../live/wall-store';
import { LoadStatus, OperatorPage } from '../OperatorPage';

function Numbered({ text, marked }: { text: string; marked: ReadonlySet<number> }) {
  return (
    <pre className="op-code" tabIndex={0}>
      {text.split('\n').map((line, i) => (
        <span key={i} className={marked.has(i + 1) ? 'op-code__line op-code__line--error' : 'op-code__line'}>
          <span className="op-code__no">{marked.has(i + 1) ? `✕${i + 1}` : i + 1}</span>
          {line}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}

function DiffList({ label, ids, sign }: { label: string; ids: readonly string[]; sign: string }) {
  if (ids.length === 0) return null;
  return (
    <span className="op-diff">
      {sign} {ids.length} {label}: {ids.slice(0, 8).join(', ')}
      {ids.length > 8 ? ` … +${ids.length - 8}` : ''}
    </span>
  );
}

export function ConfigPage() {
  const client = useClient();
  const timeZone = useWall((state) => state.site?.timezone);
  const config = useRequest('config-text', () => client.getConfigText());
  const versions = useRequest('config-versions', () => client.listConfigVersions());
  const c = config.data;
  const marked = new Set(c?.errors.map((e) => e.line) ?? []);
  return (
    <OperatorPage
      name="config"
      title="Configuration"
      subtitle={c ? (c.path ?? 'Built-in demo plant (generated configuration)') : undefined}
      actions={
        <button
          type="button"
          className="op-button"
          onClick={() => {
            config.reload();
            versions.reload();
          }}
        >
          ↻ Reload
        </button>
      }
    >
      <LoadStatus
        status={config.status}
        error={config.error}
        empty={!c}
        what="the configuration"
        emptyText=""
      />
      {c && c.errors.length === 0 && (
        <p className="op-status op-status--calm">✓ The file is valid and in use.</p>
      )}
      {c && c.errors.length > 0 && (
        <section className="op-section op-errors" aria-labelledby="cfg-errors">
          <h2 id="cfg-errors" className="op-section__title">
            ⚠ {c.errors.length} {c.errors.length === 1 ? 'error' : 'errors'} in the file — still monitoring
            with the last good configuration
          </h2>
          <ul className="op-list">
            {c.errors.map((e, i) => (
              <li key={i}>
                <code>
                  {e.file}:{e.line}:{e.col}
                </code>{' '}
                {e.message}
              </li>
            ))}
          </ul>
          {c.fileText !== null && (
            <>
              <h3 className="op-section__sub">The file on disk (rejected)</h3>
              <Numbered text={c.fileText} marked={marked} />
            </>
          )}
        </section>
      )}
      <div className="op-columns op-columns--config">
        <section className="op-section" aria-labelledby="cfg-text">
          <h2 id="cfg-text" className="op-section__title">
            In use
          </h2>
          {c && <Numbered text={c.text} marked={c.fileText === null ? marked : new Set()} />}
        </section>
        <section className="op-section" aria-labelledby="cfg-versions">
          <h2 id="cfg-versions" className="op-section__title">
            Versions applied
          </h2>
          <LoadStatus
            status={versions.status}
            error={versions.error}
            empty={(versions.data?.versions.length ?? 0) === 0}
            what="config versions"
            emptyText="No version recorded yet."
          />
          <ol className="op-versions">
            {versions.data?.versions.map((v, i) => (
              <li key={v.id} className="op-version">
                <div>
                  <strong>{formatDateTime(v.appliedAt, timeZone, true)}</strong>
                  {i === 0 && <span className="op-tag op-tag--up"> ✓ in use</span>}
                </div>
                <div className="op-muted">
                  {v.endpointCount} endpoints · {v.source} · <code>{v.hash.slice(0, 12)}</code>
                </div>
                {v.diff === null ? (
                  <span className="op-diff">first recorded version</span>
                ) : v.diff.added.length + v.diff.changed.length + v.diff.removed.length === 0 ? (
                  <span className="op-diff">no endpoint changes</span>
                ) : (
                  <>
                    <DiffList label="added" ids={v.diff.added} sign="+" />
                    <DiffList label="changed" ids={v.diff.changed} sign="~" />
                    <DiffList label="removed" ids={v.diff.removed} sign="−" />
                  </>
                )}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </OperatorPage>
  );
}
