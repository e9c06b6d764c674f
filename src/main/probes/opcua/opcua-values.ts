// Turning the DataValues of one Read into what the probe reports: the server state, the build
// info (identity) and the configured node values against their expectations.
import { DataType, ServerState, type DataValue, type Variant } from 'node-opcua-client';

/** What the server says it is (OPC UA Server_ServerStatus_BuildInfo, ns=0;i=2260). */
export interface OpcuaIdentity {
  productName: string;
  manufacturerName: string;
  softwareVersion: string;
  buildNumber: string;
  productUri: string;
}

export interface OpcuaExpectation {
  equals?: number | string | boolean;
  min?: number;
  max?: number;
}

/** The name of a ServerState value (Running, Suspended, ...), or the number when it is none. */
export function serverStateName(value: unknown): string {
  if (typeof value !== 'number') return `not a ServerState (${typeof value})`;
  const name = (ServerState as unknown as Record<number, string | undefined>)[value];
  return name ?? `ServerState ${value}`;
}

export const RUNNING: number = ServerState.Running;

function textField(record: Record<string, unknown>, field: keyof OpcuaIdentity): string {
  const value = record[field];
  return typeof value === 'string' ? value : '';
}

/** The identity from a BuildInfo DataValue; null when the server does not give one. */
export function identityOf(dataValue: DataValue | undefined): OpcuaIdentity | null {
  if (!dataValue?.statusCode.isGood()) return null;
  const value: unknown = dataValue.value.value;
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  return {
    productName: textField(record, 'productName'),
    manufacturerName: textField(record, 'manufacturerName'),
    softwareVersion: textField(record, 'softwareVersion'),
    buildNumber: textField(record, 'buildNumber'),
    productUri: textField(record, 'productUri'),
  };
}

/** A scalar for comparison: 64-bit integers arrive as [high, low] words, texts as LocalizedText. */
function comparable(variant: Variant): number | string | boolean | null {
  const value: unknown = variant.value;
  if (variant.dataType === DataType.Int64 || variant.dataType === DataType.UInt64) {
    if (Array.isArray(value) && value.length === 2) {
      const [high, low] = value as [number, number];
      return high * 2 ** 32 + low;
    }
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'object' && value !== null && 'text' in value) {
    const text = value.text;
    return typeof text === 'string' ? text : null;
  }
  return null;
}

function shown(value: number | string | boolean | null): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Why the value does not meet the expectation, or null when it does. */
export function expectationMismatch(
  nodeId: string,
  variant: Variant,
  expect: OpcuaExpectation,
): string | null {
  const value = comparable(variant);
  if (expect.equals !== undefined && value !== expect.equals) {
    return `${nodeId} is ${shown(value)}, expected ${shown(expect.equals)}`;
  }
  if (expect.min === undefined && expect.max === undefined) return null;
  if (typeof value !== 'number') return `${nodeId} is ${shown(value)}, expected a number`;
  if (expect.min !== undefined && value < expect.min)
    return `${nodeId} is ${value}, below the minimum ${expect.min}`;
  if (expect.max !== undefined && value > expect.max)
    return `${nodeId} is ${value}, above the maximum ${expect.max}`;
  return null;
}
