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
