// Leaf schemas shared by the config schema and the per-protocol probe schemas (modbus-schema.ts and
// the ones after it), so every probe says "expected a port number from 1 to 65535" the same way.
import { z } from 'zod';
import { isValidHost } from './validators';

/** A strict object whose unknown-key message lists the keys that are allowed. */
export function strict<T extends z.ZodRawShape>(shape: T) {
  const allowed = `expected one of ${Object.keys(shape).join(', ')}`;
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? allowed : undefined),
  });
}

const HOST_EXPECTED = 'expected a hostname, IPv4 or IPv6 address';
export const hostSchema = z.string({ error: HOST_EXPECTED }).superRefine((host, ctx) => {
  if (host.startsWith('-')) {
    ctx.addIssue({
      code: 'custom',
      message: `${HOST_EXPECTED} that does not start with '-' (ping would read it as an option)`,
    });
  } else if (!isValidHost(host)) {
    ctx.addIssue({ code: 'custom', message: HOST_EXPECTED });
  }
});

const PORT_EXPECTED = 'expected a port number from 1 to 65535';
export const portSchema = z
  .number({ error: PORT_EXPECTED })
  .int(PORT_EXPECTED)
  .min(1, PORT_EXPECTED)
  .max(65535, PORT_EXPECTED);

export const BOOL_EXPECTED = 'expected true or false';

// Secrets are never values in the file (it is stored and shown): `*_env` names an environment
// variable, `*_file` a file holding the secret.
const ENV_EXPECTED =
  'expected the NAME of an environment variable (letters, digits, _), not the secret itself';
export const envNameSchema = z
  .string({ error: ENV_EXPECTED })
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, ENV_EXPECTED);
const FILE_EXPECTED = 'expected the path of a file that holds the secret';
export const secretFileSchema = z.string({ error: FILE_EXPECTED }).trim().min(1, FILE_EXPECTED);
