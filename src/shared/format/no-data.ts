/** What every figure reads when there is nothing to show: never 0, never 100 %, never blank. */
export const NO_DATA = '—';
