// `probe: { kind: enip, ... }` as written in the file (issue 13): an EtherNet/IP List Identity on
// the registered port. TCP is the default because it tells "nothing listens" (refused) from "no
// answer" (timeout); UDP is what scanners and some older adapters answer best, so it is offered.
import { z } from 'zod';
import { hostSchema, portSchema, strict } from './schema-leaves';

export const ENIP_DEFAULT_PORT = 44818;
export const ENIP_TRANSPORTS = ['tcp', 'udp'] as const;
export type EnipTransportName = (typeof ENIP_TRANSPORTS)[number];
export const ENIP_DEFAULT_TRANSPORT: EnipTransportName = 'tcp';

export const enipProbeSchema = strict({
  kind: z.literal('enip'),
  host: hostSchema,
  port: portSchema.default(ENIP_DEFAULT_PORT),
  transport: z
    .enum(ENIP_TRANSPORTS, { error: `expected one of ${ENIP_TRANSPORTS.join(', ')}` })
    .default(ENIP_DEFAULT_TRANSPORT),
});

export type RawEnipProbe = z.output<typeof enipProbeSchema>;
