// Secrets named by the config (notification channels, OPC UA passwords): the config names an
// environment variable or a file, and the value is read here, when it is needed (a notification
// channel reads at each delivery, so a rotated file is picked up; the OPC UA probe at config apply).
// The value never goes back into the config, a log line or an error message: errors name only the
// variable or the path.
import { readFileSync } from 'node:fs';
import type { SecretRef } from './types';

export type SecretReader = (ref: SecretRef) => string;

/** What the ref points at, where it is (for messages): `$NAME` or the file path. */
export function describeSecretRef(ref: SecretRef): string {
  return 'env' in ref ? `environment variable ${ref.env}` : `file ${ref.file}`;
}

/** Reads from `env` (the process's by default) or the file; throws a readable Error without the value. */
export function createSecretReader(env: NodeJS.ProcessEnv = process.env): SecretReader {
  return (ref) => {
    if ('env' in ref) {
      const value = env[ref.env];
      if (value === undefined || value === '')
        throw new Error(`secret not set: ${describeSecretRef(ref)} is empty or missing`);
      return value;
    }
    let text: string;
    try {
      text = readFileSync(ref.file, 'utf8');
    } catch (error) {
      const code =
        typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'error';
      // The cause is left out on purpose: it is the OS error, harmless, but the rule here is that
      // nothing but the reference leaves this function.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(`secret not readable: ${describeSecretRef(ref)} (${code})`);
    }
    // Files written by `echo` or editors end with a newline that is not part of the secret.
    const value = text.replace(/\r?\n$/, '');
    if (value === '') throw new Error(`secret not set: ${describeSecretRef(ref)} is empty`);
    return value;
  };
}
