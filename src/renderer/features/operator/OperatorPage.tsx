// The frame every operator page shares: a title with what it covers, page actions on the right,
// and the one status line that says when figures are loading, failed or simply do not exist yet.
import type { ReactNode } from 'react';

export function OperatorPage({
  title,
  subtitle,
  actions,
  children,
  name,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  /** data-page attribute, for tests and print styles. */
  name: string;
}) {
  return (
    <section className="op-page" data-page={name}>
      <header className="op-page__header">
        <div className="op-page__titles">
          <h1 className="op-page__title">{title}</h1>
          {subtitle && <p className="op-page__subtitle">{subtitle}</p>}
        </div>
        {actions && <div className="op-page__actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

/** Loading, failure and "nothing here" in words; renders nothing once there is data to show. */
export function LoadStatus({
  status,
  error,
  empty,
  what,
  emptyText,
}: {
  status: 'loading' | 'ok' | 'error';
  error: string | null;
  empty: boolean;
  what: string;
  emptyText: string;
}) {
  if (status === 'error') {
    return (
      <p className="op-status op-status--error" role="alert">
        ⚠ Could not load {what}: {error}
      </p>
    );
  }
  if (status === 'loading' && empty) return <p className="op-status">Loading {what}…</p>;
  if (status === 'ok' && empty) return <p className="op-status op-status--empty">{emptyText}</p>;
  return null;
}

export const endpointHref = (id: string): string => `#/endpoint/${encodeURIComponent(id)}`;
export const lineHref = (id: string): string => `#/line-detail/${encodeURIComponent(id)}`;
