// One way to show a number: availability, durations, counts, cost and CSV cells, the same on the
// wall, the operator pages, the CSV files and the printed handover.
export { formatAvailability } from './availability';
export { csvCell, csvCost, csvPercent, csvRow, csvSeconds, type CsvValue } from './csv';
export { formatDuration, type DurationOptions } from './duration';
export { NO_DATA } from './no-data';
export { formatCost, formatCount } from './number';
