// How a device identity reads on the endpoint page: pure, so the words are tested without a DOM.
import type { DeviceIdentityView } from '../../../../shared/contract';

export const IDENTITY_SOURCE_LABEL: Record<DeviceIdentityView['source'], string> = {
  enip: 'EtherNet/IP List Identity',
  opcua: 'OPC UA BuildInfo',
};

/** The first 8 hex digits: enough to tell two devices apart at a glance; the full hash is the title. */
export const shortSerialHash = (hash: string | null): string => (hash === null ? '—' : hash.slice(0, 8));

/** "PowerFlex 755 rev 10.1": what the device was, for "identity changed ...: was ...". */
export function identitySummary(identity: DeviceIdentityView): string {
  const parts = [identity.product ?? identity.vendor ?? 'unknown device', identity.firmware].filter(
    (part): part is string => part !== null && part !== '',
  );
  const serial = identity.serialHash === null ? '' : ` (serial #${shortSerialHash(identity.serialHash)})`;
  return `${parts.join(' ')}${serial}`;
}
