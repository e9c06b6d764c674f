// Small line icons drawn inline: wall PCs often lack an emoji font, and a missing glyph renders as
// an empty box exactly where an operator looks for a state.
import type { ReactNode } from 'react';

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
