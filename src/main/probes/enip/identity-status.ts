// What the Identity object's status word (attribute 5) and state (attribute 8) say about faults.
// A major fault means the device stopped doing its job (a drive tripped, a PLC faulted out of run):
// the check fails with device_fault even though the network is fine. A minor fault is recorded but
// the device still works, so it counts as up.
export type MinorFault = 'recoverable' | 'unrecoverable';

export interface IdentityFaults {
  /** "major unrecoverable fault", ... or null. */
  major: string | null;
  minor: MinorFault | null;
}

const MINOR_RECOVERABLE = 1 << 8;
const MINOR_UNRECOVERABLE = 1 << 9;
const MAJOR_RECOVERABLE = 1 << 10;
const MAJOR_UNRECOVERABLE = 1 << 11;

const STATE_MAJOR_RECOVERABLE = 4;
const STATE_MAJOR_UNRECOVERABLE = 5;

export function identityFaults(status: number, state: number): IdentityFaults {
  const recoverable = (status & MAJOR_RECOVERABLE) !== 0;
  const unrecoverable = (status & MAJOR_UNRECOVERABLE) !== 0;
  let major: string | null = null;
  if (recoverable && unrecoverable) major = 'major recoverable and unrecoverable fault';
  else if (unrecoverable) major = 'major unrecoverable fault';
  else if (recoverable) major = 'major recoverable fault';
  // The state says the same in another attribute; a device that sets only one of the two is still
  // faulted.
  else if (state === STATE_MAJOR_UNRECOVERABLE) major = 'major unrecoverable fault (state 5)';
  else if (state === STATE_MAJOR_RECOVERABLE) major = 'major recoverable fault (state 4)';
  let minor: MinorFault | null = null;
  // The worse of the two when both are set: the operator should hear "unrecoverable".
  if ((status & MINOR_UNRECOVERABLE) !== 0) minor = 'unrecoverable';
  else if ((status & MINOR_RECOVERABLE) !== 0) minor = 'recoverable';
  return { major, minor };
}
