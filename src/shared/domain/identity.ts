// What a protocol probe learns about the device behind an endpoint (issue 13: EtherNet/IP List
// Identity, OPC UA BuildInfo). Stored per endpoint, shown on the endpoint page, and a change (someone
// swapped the PLC) is audited. One shape for every protocol so the store, the audit and the page do
// not know which protocol spoke.

export const IDENTITY_SOURCES = ['enip', 'opcua'] as const;
export type IdentitySource = (typeof IDENTITY_SOURCES)[number];

export interface DeviceIdentity {
  source: IdentitySource;
  vendor: string | null;
  product: string | null;
  /** Firmware revision (EtherNet/IP) or software version and build (OPC UA). */
  firmware: string | null;
  /** Salted hash of the serial number (the serial itself never leaves the probe). */
  serialHash: string | null;
  /** Further fields by label, as the protocol gives them (device type, product code, product URI). */
  details: Record<string, string>;
}

/**
 * Whether `next` is another device (or the same one with other firmware) than `previous`: what the
 * audit log records as an identity change. The details (device type, product URI) follow from these
 * and may be read differently by a newer build, so they alone never count as a swap.
 */
export function isOtherDevice(previous: DeviceIdentity, next: DeviceIdentity): boolean {
  return (
    previous.vendor !== next.vendor ||
    previous.product !== next.product ||
    previous.serialHash !== next.serialHash ||
    previous.firmware !== next.firmware
  );
}
