// Render counters for the speed checks: `scripts/bench-ui.mjs` reads `window.__linewatchRenders` to
// prove that a 1 Hz batch re-renders only the chips that changed, not the whole wall. Counting is a
// few integer increments per render, cheap enough to leave on.
declare global {
  interface Window {
    __linewatchRenders?: Record<string, number>;
  }
}

export function countRender(what: string): void {
  const counts = (window.__linewatchRenders ??= {});
  counts[what] = (counts[what] ?? 0) + 1;
}
