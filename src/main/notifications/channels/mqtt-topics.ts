// The MQTT topic tree Linewatch publishes, one place so the README, the channel and SCADA agree:
//   <prefix>/<site>/alarms                      alarm events (JSON, QoS 1, not retained)
//   <prefix>/<site>/<line>/<endpoint>/state     endpoint state (JSON, QoS 1, retained)
//   <prefix>/<site>/status                      "online"/"offline" of Linewatch itself (retained, the
//                                               broker publishes "offline" as our last will)
// Site, line and endpoint ids are config ids (lowercase letters, digits, '-'), so they never hold
// a topic separator or wildcard; the prefix may have levels of its own ("plant/linewatch").

/** The prefix without leading or trailing '/', so `linewatch/` and `linewatch` give the same tree. */
export function normalisePrefix(prefix: string): string {
  return prefix.replace(/^\/+|\/+$/g, '');
}

export function alarmsTopic(prefix: string, siteId: string): string {
  return `${normalisePrefix(prefix)}/${siteId}/alarms`;
}

export function stateTopic(prefix: string, siteId: string, lineId: string, endpointId: string): string {
  return `${normalisePrefix(prefix)}/${siteId}/${lineId}/${endpointId}/state`;
}

export function statusTopic(prefix: string, siteId: string): string {
  return `${normalisePrefix(prefix)}/${siteId}/status`;
}
