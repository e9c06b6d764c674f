// `probe: { kind: modbus, ... }` as written in the file (issue 13). The limits are the Modbus
// Application Protocol's (V1.1b3 §6): a request may not ask for more than a PDU can carry back, and a
// device would answer "illegal data value" to anything more, which is a config mistake to catch here.
import { z } from 'zod';
import { hostSchema, portSchema, strict } from './schema-leaves';

export const MODBUS_DEFAULT_PORT = 502;
/** 1 is what most Modbus/TCP devices and gateways answer to; 0 and 255 also mean "this device". */
export const MODBUS_DEFAULT_UNIT_ID = 1;
export const MODBUS_DEFAULT_COUNT = 1;

/** Per read function: its function code and the largest `count` one request may ask for. */
export const MODBUS_READ_FUNCTIONS = {
  coils: { code: 0x01, maxCount: 2000, what: 'coils' },
  discrete_inputs: { code: 0x02, maxCount: 2000, what: 'discrete inputs' },
  holding_registers: { code: 0x03, maxCount: 125, what: 'registers' },
  input_registers: { code: 0x04, maxCount: 125, what: 'registers' },
  // Read Device Identification (0x2B / MEI 0x0E): `address` is the first object id, no count.
  device_identification: { code: 0x2b, maxCount: 1, what: 'objects' },
} as const;
export type ModbusReadFunction = keyof typeof MODBUS_READ_FUNCTIONS;
const FUNCTION_NAMES = Object.keys(MODBUS_READ_FUNCTIONS) as [ModbusReadFunction, ...ModbusReadFunction[]];

const ADDRESS_EXPECTED = 'expected a register address from 0 to 65535';
const OBJECT_ID_EXPECTED = 'expected a device identification object id from 0 to 255';
const UNIT_EXPECTED = 'expected a unit id from 0 to 255';
const COUNT_EXPECTED = 'expected a whole number of items to read, 1 or more';

const wholeNumber = (expected: string, max: number) =>
  z.number({ error: expected }).int(expected).min(0, expected).max(max, expected);

const readSchema = strict({
  function: z.enum(FUNCTION_NAMES, { error: `expected one of ${FUNCTION_NAMES.join(', ')}` }),
  // The range check depends on the function (an object id is a byte); it is in the refinement.
  address: wholeNumber(ADDRESS_EXPECTED, 65535),
  count: z.number({ error: COUNT_EXPECTED }).int(COUNT_EXPECTED).min(1, COUNT_EXPECTED).optional(),
}).superRefine((read, ctx) => {
  const spec = MODBUS_READ_FUNCTIONS[read.function];
  if (read.function === 'device_identification') {
    if (read.address > 255) ctx.addIssue({ code: 'custom', path: ['address'], message: OBJECT_ID_EXPECTED });
    if (read.count !== undefined && read.count !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['count'],
        message: 'expected no count for device_identification (it reads the objects from address on)',
      });
    }
    return;
  }
  const count = read.count ?? MODBUS_DEFAULT_COUNT;
  if (count > spec.maxCount) {
    ctx.addIssue({
      code: 'custom',
      path: ['count'],
      message: `expected at most ${spec.maxCount} ${spec.what} per ${read.function} request (Modbus limit)`,
    });
  } else if (read.address <= 65535 && read.address + count - 1 > 65535) {
    ctx.addIssue({
      code: 'custom',
      path: ['count'],
      message: `expected address + count to stay within 0..65535 (the last would be ${read.address + count - 1})`,
    });
  }
});

const EQUALS_EXPECTED = 'expected the value the item read must have (a number, true/false, or text)';
const BOUND_EXPECTED = 'expected a number';
/** `expect: { equals | min | max }` of one value read; the OPC UA probe's reads use it too. */
export const expectSchema = strict({
  equals: z.union([z.number(), z.boolean(), z.string()], { error: EQUALS_EXPECTED }).optional(),
  min: z.number({ error: BOUND_EXPECTED }).optional(),
  max: z.number({ error: BOUND_EXPECTED }).optional(),
}).superRefine((expect, ctx) => {
  if (expect.equals === undefined && expect.min === undefined && expect.max === undefined) {
    ctx.addIssue({ code: 'custom', path: [], message: 'expected at least one of equals, min, max' });
  }
  if (expect.equals !== undefined && (expect.min !== undefined || expect.max !== undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['equals'],
      message: 'expected either equals or min/max, not both',
    });
  }
  if (expect.min !== undefined && expect.max !== undefined && expect.min > expect.max) {
    ctx.addIssue({ code: 'custom', path: ['max'], message: `expected max of at least min (${expect.min})` });
  }
});

/** What kind of value `read.function` gives back, so `expect` can be checked against it. */
function expectFits(
  fn: ModbusReadFunction,
  expect: z.output<typeof expectSchema>,
  ctx: z.RefinementCtx,
): void {
  const at = (key: string, message: string): void => {
    ctx.addIssue({ code: 'custom', path: ['expect', key], message });
  };
  const bits = fn === 'coils' || fn === 'discrete_inputs';
  if (bits) {
    if (expect.min !== undefined || expect.max !== undefined)
      at(expect.min !== undefined ? 'min' : 'max', `expected equals (true or false) for ${fn}, not a range`);
    const { equals } = expect;
    if (typeof equals === 'string' || (typeof equals === 'number' && equals !== 0 && equals !== 1))
      at('equals', `expected true or false (or 1 / 0) for ${fn}`);
    return;
  }
  if (fn === 'device_identification') {
    if (expect.min !== undefined || expect.max !== undefined)
      at(
        expect.min !== undefined ? 'min' : 'max',
        'expected equals (the text of the first object), not a range',
      );
    else if (typeof expect.equals !== 'string') at('equals', 'expected the text of the first object');
    return;
  }
  if (expect.equals !== undefined && typeof expect.equals !== 'number')
    at('equals', `expected a register value (a number) for ${fn}`);
}

export const modbusProbeSchema = strict({
  kind: z.literal('modbus'),
  host: hostSchema,
  port: portSchema.default(MODBUS_DEFAULT_PORT),
  unit_id: z
    .number({ error: UNIT_EXPECTED })
    .int(UNIT_EXPECTED)
    .min(0, UNIT_EXPECTED)
    .max(255, UNIT_EXPECTED)
    .default(MODBUS_DEFAULT_UNIT_ID),
  read: readSchema,
  expect: expectSchema.optional(),
}).superRefine((probe, ctx) => {
  if (probe.expect) expectFits(probe.read.function, probe.expect, ctx);
});

export type RawModbusProbe = z.output<typeof modbusProbeSchema>;
