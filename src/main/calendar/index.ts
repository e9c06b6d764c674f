// Public surface of the calendar module: DST-aware local time, maintenance windows and shifts.
export {
  addDays,
  localDateOf,
  localToEpochMs,
  toLocalParts,
  weekdayOf,
  zoneOffsetMs,
  type LocalDate,
  type LocalParts,
} from './zoned-time';
export type { Interval } from './intervals';
export {
  createMaintenanceCalendar,
  type MaintenanceCalendar,
  type MaintenanceTarget,
  type MaintenanceWindow,
} from './maintenance-calendar';
export { shiftAt, shiftOccurrences, type ShiftOccurrence } from './shift-calendar';
