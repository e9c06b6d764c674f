// What a protocol probe learns about the device behind an endpoint (issue 13: EtherNet/IP List
// Identity, OPC UA BuildInfo). Stored per endpoint, shown on the endpoint page, and a change (someone
// swapped the PLC) is audited. One shape for every protocol so the store, the audit and the page do
// not know which protocol spoke.

export type IdentitySource = 'enip' | 'opcua';

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
