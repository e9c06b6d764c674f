// Small line icons drawn inline: wall PCs often lack an emoji font, and a missing glyph renders as
// an empty box exactly where an operator looks for a state.
import type { ReactNode } from 'react';
import type { Severity } from '../../shared/contract';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.4}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function BellIcon() {
  return (
    <Icon>
      <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z" />
      <path d="M10 21h4" />
    </Icon>
  );
}

export function BellOffIcon() {
  return (
    <Icon>
      <path d="M6 16V11a6 6 0 0 1 9.5-4.9M18 11v5l2 2H4l2-2" />
      <path d="M10 21h4" />
      <path d="M3 3l18 18" />
    </Icon>
  );
}

export function StopwatchIcon() {
  return (
    <Icon>
      <circle cx="12" cy="14" r="7" />
      <path d="M12 14V10M10 3h4M18 7l1.5-1.5" />
    </Icon>
  );
}

export function LockIcon() {
  return (
    <Icon>
      <rect x="5" y="11" width="14" height="10" rx="1.5" />
      <path d="M8 11V8a4 4 0 0 1 8 0v3" />
    </Icon>
  );
}

export function EyeIcon() {
  return (
    <Icon>
      <path d="M2 12s3.6-6.5 10-6.5S22 12 22 12s-3.6 6.5-10 6.5S2 12 2 12z" />
      <circle cx="12" cy="12" r="2.8" />
    </Icon>
  );
}

/**
 * One shape per alarm severity, so severity never rests on colour alone: an octagon (critical),
 * a triangle (high), a diamond (medium), a circle (low), each shown next to its word.
 */
export function SeverityIcon({ severity }: { severity: Severity }) {
  switch (severity) {
    case 'critical':
      return (
        <Icon>
          <path d="M8 2.5h8L21.5 8v8L16 21.5H8L2.5 16V8z" />
          <path d="M12 7.5v5.5M12 16.5v.1" />
        </Icon>
      );
    case 'high':
      return (
        <Icon>
          <path d="M12 3 22 20H2z" />
          <path d="M12 9.5v4.5M12 17v.1" />
        </Icon>
      );
    case 'medium':
      return (
        <Icon>
          <path d="M12 2.5 21.5 12 12 21.5 2.5 12z" />
          <path d="M12 8v5M12 16v.1" />
        </Icon>
      );
    case 'low':
      return (
        <Icon>
          <circle cx="12" cy="12" r="9" />
          <path d="M12 11v5M12 8v.1" />
        </Icon>
      );
  }
}

/** The chevron of a group row that opens and closes (rotated by CSS while open). */
export function ChevronIcon() {
  return (
    <Icon>
      <path d="M9 5l7 7-7 7" />
    </Icon>
  );
}

/** A rising trend: a device degrading (an early warning), drawn with the word, never alone. */
export function TrendUpIcon() {
  return (
    <Icon>
      <path d="M3 17l6-6 4 4 8-8" />
      <path d="M15 7h6v6" />
    </Icon>
  );
}
