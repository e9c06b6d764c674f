// Public surface of the config module; everything else in this folder is an implementation detail.
export type {
  EndpointConfig,
  EndpointWarnConfig,
  EnipProbeConfig,
  LineConfig,
  LinewatchConfig,
  MaintenanceConfig,
  ModbusExpect,
  ModbusProbeConfig,
  OpcuaExpect,
  OpcuaProbeConfig,
  NotificationChannelConfig,
  NotificationChannelKind,
  NotificationRuleConfig,
  NotificationsConfig,
  OtlpConfig,
  ProbeConfig,
  RetentionPolicy,
  SecretRef,
  ShiftConfig,
} from './types';
export { DEFAULT_RETENTION, NO_NOTIFICATIONS } from './types';
export { loadConfigFile, parseConfigText, type ConfigLoadResult } from './load-config';
export { formatIssue, sortIssues } from './format-issues';
export { runCheckConfig, type CheckConfigOutput } from './check-config';
export { DURATION_EXPECTED, formatDuration, parseDuration, type DurationResult } from './duration';
export { BUILTIN_DEFAULTS, WEEKDAYS } from './schema';
export { diffEndpoints, type EndpointDiff } from './endpoint-diff';
export { configOfAppliedText, type AppliedConfigText } from './applied-config';
export { endpointCount, locateEndpoints, type LocatedEndpoint } from './endpoint-index';
export { createSecretReader, describeSecretRef, type SecretReader } from './secret-reader';
export {
  MODBUS_DEFAULT_PORT,
  MODBUS_DEFAULT_UNIT_ID,
  MODBUS_READ_FUNCTIONS,
  type ModbusReadFunction,
} from './modbus-schema';
export { ENIP_DEFAULT_PORT, ENIP_DEFAULT_TRANSPORT, ENIP_TRANSPORTS } from './enip-schema';
