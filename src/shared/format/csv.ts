// CSV cells for every CSV Linewatch writes (the report's and the outage log's). RFC 4180: a cell
// is quoted when it holds a comma, a quote, a line break or edge spaces, and quotes are doubled.
// Text that a spreadsheet would run as a formula (a leading = + - @ TAB or CR, the OWASP "CSV
// injection" list) gets a leading apostrophe: device names and notes are user input.
export type CsvValue = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  // Only text is defused: a number such as -3 is a number to the spreadsheet too.
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (values: readonly CsvValue[]): string => values.map(csvCell).join(',');

/** Availability 0..1 as a percentage with three decimals ("66.667"); null stays an empty cell. */
export const csvPercent = (availability: number | null): CsvValue =>
  availability === null ? null : (availability * 100).toFixed(3);

/** Whole seconds; null stays an empty cell. */
export const csvSeconds = (seconds: number | null): CsvValue =>
  seconds === null ? null : Math.round(seconds);

/** Money with two decimals, in whatever currency `downtime_cost_per_minute` is written in. */
export const csvCost = (cost: number | null): CsvValue => (cost === null ? null : cost.toFixed(2));
