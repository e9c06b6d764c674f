// `probe: { kind: opcua, ... }` as written in the file (issue 13). The URL must name host and port:
// OPC UA servers on PLCs listen on all sorts of ports (4840, 48010, 4334 ...), so a guessed default
// would more often be wrong than right. The password is never in the file: `password_env` or
// `password_file` names where it is, and it is read when the config is loaded (opcua-secrets.ts).
import { z } from 'zod';
import { expectSchema } from './modbus-schema';
import { envNameSchema, secretFileSchema, strict } from './schema-leaves';

export const OPCUA_SECURITY_MODES = ['none', 'sign', 'sign_and_encrypt'] as const;
export type OpcuaSecurityMode = (typeof OPCUA_SECURITY_MODES)[number];
export const OPCUA_DEFAULT_SECURITY: OpcuaSecurityMode = 'none';

const URL_EXPECTED =
  'expected an OPC UA URL like opc.tcp://10.10.1.40:4840 (host and port, then an optional path)';
const URL_CREDENTIALS =
  'a URL with user:password would keep a secret in the file; expected the URL without it and user: { name, password_env }';

function opcuaUrlProblem(text: string): string | null {
  if (!text.startsWith('opc.tcp://') || !URL.canParse(text)) return URL_EXPECTED;
  const url = new URL(text);
  if (url.username !== '' || url.password !== '') return URL_CREDENTIALS;
  if (url.hostname === '' || url.port === '') return URL_EXPECTED;
  return null;
}

const urlSchema = z.string({ error: URL_EXPECTED }).superRefine((text, ctx) => {
  const problem = opcuaUrlProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

// The string forms of OPC UA Part 6 §5.3.1.10: ns=<index>; then i= (number), s= (text), g= (GUID)
// or b= (base64). Checked here so a typo is a config error, not a probe failure at 3 a.m.
const NODE_ID_EXPECTED = 'expected an OPC UA node id like ns=2;s=Line1.Speed or ns=0;i=2259';
const NODE_ID_RE =
  /^(?:ns=(\d{1,5});)?(?:i=(\d{1,10})|s=.+|g=[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|b=[A-Za-z0-9+/]+={0,2})$/s;

export function isOpcuaNodeId(text: string): boolean {
  const match = NODE_ID_RE.exec(text);
  if (!match) return false;
  const [, namespace, numeric] = match;
  return (
    (namespace === undefined || Number(namespace) <= 0xffff) &&
    (numeric === undefined || Number(numeric) <= 0xffffffff)
  );
}

const nodeIdSchema = z.string({ error: NODE_ID_EXPECTED }).refine(isOpcuaNodeId, NODE_ID_EXPECTED);

const NAME_EXPECTED = 'expected the user name to log in with';
const userSchema = strict({
  name: z.string({ error: NAME_EXPECTED }).trim().min(1, NAME_EXPECTED),
  password_env: envNameSchema.optional(),
  password_file: secretFileSchema.optional(),
}).superRefine((user, ctx) => {
  const given = [user.password_env, user.password_file].filter((v) => v !== undefined).length;
  if (given === 1) return;
  ctx.addIssue({
    code: 'custom',
    path: given === 0 ? [] : ['password_file'],
    message:
      given === 0
        ? 'expected password_env (an environment variable) or password_file (a file) for the password'
        : 'expected either password_env or password_file, not both',
  });
});

const readSchema = strict({ node_id: nodeIdSchema, expect: expectSchema.optional() });

export const opcuaProbeSchema = strict({
  kind: z.literal('opcua'),
  url: urlSchema,
  security: z
    .enum(OPCUA_SECURITY_MODES, { error: `expected one of ${OPCUA_SECURITY_MODES.join(', ')}` })
    .default(OPCUA_DEFAULT_SECURITY),
  user: userSchema.optional(),
  read: z.array(readSchema, { error: 'expected a list of { node_id, expect }' }).optional(),
});

export type RawOpcuaProbe = z.output<typeof opcuaProbeSchema>;
