// RFC 4180 cells and rows. Lines end in "\n" (what shells and spreadsheets both read); a cell is
// quoted when it holds a comma, a quote, a line break or edge spaces, and quotes are doubled.
export type CsvValue = string | number | boolean | null;

export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (values: readonly CsvValue[]): string => values.map(csvCell).join(',');

/** One titled table: `# title`, the header row, then the rows. */
export function csvTable(
  title: string,
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
): string {
  return [`# ${title}`, csvRow(header), ...rows.map(csvRow)].join('\n');
}
