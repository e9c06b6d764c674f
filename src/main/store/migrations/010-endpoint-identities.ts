import type { Migration } from './migration';

// Frozen once shipped. Device identity per endpoint (issue 13): what an EtherNet/IP or OPC UA probe
// learnt about the device, one row per endpoint. The identity is a JSON DeviceIdentity (one shape
// for every protocol, so the table does not change when a protocol adds a detail). `first_seen` is
// when this device (vendor, product, serial hash, firmware) was first seen; a different device
// moves the old one to `previous_identity` with `changed_at`, and the audit log keeps the history.
export const endpointIdentitiesMigration: Migration = {
  id: 10,
  name: 'endpoint-identities',
  sql: `
CREATE TABLE endpoint_identities (
  endpoint_id TEXT PRIMARY KEY,
  identity TEXT NOT NULL CHECK (json_valid(identity)),
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  note TEXT,
  previous_identity TEXT CHECK (previous_identity IS NULL OR json_valid(previous_identity)),
  changed_at INTEGER,
  CHECK (last_seen >= first_seen),
  CHECK ((previous_identity IS NULL) = (changed_at IS NULL))
) STRICT;
`,
};
