// A device serial for telemetry: sha256, salted, first 12 hex digits. The clear serial never leaves
// this machine (it identifies a plant's hardware). The salt matters: a serial is 32 bits, and
// unsalted, a loop over all 2^32 values would undo the hash in minutes.
import { createHash } from 'node:crypto';

/** `salt`: something private to the installation and stable, e.g. the site id. */
export const hashSerial = (serial: string, salt: string): string =>
  createHash('sha256').update(`linewatch-serial:${salt}:${serial.toUpperCase()}`).digest('hex').slice(0, 12);
