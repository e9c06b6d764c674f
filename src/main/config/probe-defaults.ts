// Which protocol defaults `check-config` applied (issue 13): a Modbus probe without `port` talks
// to 502 and unit 1, which is right for most PLCs and wrong behind a gateway, so the command says
// so per endpoint instead of leaving it to be discovered on the wall. Each protocol probe lists
// its defaulted keys here.
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import type { ConfigIssue } from '../../shared/contract/schemas';
import { ENIP_DEFAULT_PORT, ENIP_DEFAULT_TRANSPORT } from './enip-schema';
import { MODBUS_DEFAULT_COUNT, MODBUS_DEFAULT_PORT, MODBUS_DEFAULT_UNIT_ID } from './modbus-schema';
import { OPCUA_DEFAULT_SECURITY } from './opcua-schema';
import type { LinewatchConfig, ProbeConfig } from './types';
import { locate } from './yaml-locate';

interface DefaultedKey {
  /** Path below `probe`, as written in the file. */
  path: string[];
  value: string | number;
  /** Whether this probe's form uses the key at all (device identification has no count). */
  applies?: (probe: ProbeConfig) => boolean;
}

export const PROBE_DEFAULTS: Partial<
  Record<ProbeConfig['kind'], { protocol: string; keys: DefaultedKey[] }>
> = {
  modbus: {
    protocol: 'Modbus/TCP',
    keys: [
      { path: ['port'], value: MODBUS_DEFAULT_PORT },
      { path: ['unit_id'], value: MODBUS_DEFAULT_UNIT_ID },
      {
        path: ['read', 'count'],
        value: MODBUS_DEFAULT_COUNT,
        applies: (probe) => probe.kind === 'modbus' && probe.read.function !== 'device_identification',
      },
    ],
  },
  enip: {
    protocol: 'EtherNet/IP',
    keys: [
      { path: ['port'], value: ENIP_DEFAULT_PORT },
      { path: ['transport'], value: ENIP_DEFAULT_TRANSPORT },
    ],
  },
  // No user is no default value: it is the anonymous login, which the server may refuse (auth).
  opcua: { protocol: 'OPC UA', keys: [{ path: ['security'], value: OPCUA_DEFAULT_SECURITY }] },
};

function hasKey(doc: Document, path: (string | number)[]): boolean {
  const parent = doc.getIn(path.slice(0, -1), true);
  return isMap(parent) && parent.has(path[path.length - 1]);
}

/** One "FILE:LINE:COL default: ..." note per probe that left protocol keys out, at its `probe:`. */
export function probeDefaultNotes(config: LinewatchConfig, text: string, file: string): ConfigIssue[] {
  const lineCounter = new LineCounter();
  let doc: Document | null = null;
  const notes: ConfigIssue[] = [];
  for (const [lineIndex, line] of config.lines.entries()) {
    for (const [endpointIndex, endpoint] of line.endpoints.entries()) {
      const defaults = PROBE_DEFAULTS[endpoint.probe.kind];
      if (!defaults) continue;
      doc ??= parseDocument(text, { lineCounter, prettyErrors: false });
      const at = ['lines', lineIndex, 'endpoints', endpointIndex, 'probe'];
      const applied = defaults.keys.filter(
        (key) => (key.applies?.(endpoint.probe) ?? true) && !hasKey(doc as Document, [...at, ...key.path]),
      );
      if (applied.length === 0) continue;
      const { line: row, col } = locate(doc, lineCounter, at, 'value');
      const list = applied.map((key) => `${key.path.join('.')} ${key.value}`).join(', ');
      notes.push({ file, line: row, col, message: `default: ${endpoint.id}: ${defaults.protocol} ${list}` });
    }
  }
  return notes;
}
