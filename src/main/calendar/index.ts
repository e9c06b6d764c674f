// Public surface of the calendar module: the config's maintenance windows and shifts. DST-aware
// local time itself is src/shared/time.
export { clipAndMerge, type Interval } from './intervals';
export {
  createMaintenanceCalendar,
  type MaintenanceCalendar,
  type MaintenanceTarget,
  type MaintenanceWindow,
} from './maintenance-calendar';
export { shiftAt, shiftOccurrences, type ShiftOccurrence } from './shift-calendar';
