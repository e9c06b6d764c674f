// Byte encoding of raw checks inside an hour chunk (`check_chunks.data`). A check costs ~3 bytes
// instead of the ~35 of a row per check, which is what keeps 7 days of 1,000 endpoints at a 10 s
// interval (60 M checks) near 200 MB.
//
// Per check, in strictly increasing ts order:
//   varint zigzag(step - previousStep)   step = ts - previous ts (the first check steps from the
//                                        hour start). A steady interval makes this 0 -> 1 byte.
//   varint rttCode * 4 + hasDetail * 2 + ok
//                                        rttCode 0 = no RTT, else round(rttMs * 100) + 1: 10 us
//                                        resolution; 2 bytes up to ~41 ms, 3 bytes up to ~5 s.
// hasDetail says the check carries an errorKind/error; the text itself lives in `check_failures`
// only where it differs from the previous detail of the same chunk (see check-chunks-writer.ts).

export interface ChunkEntry {
  ts: number;
  ok: boolean;
  /** RTT in 0.01 ms units, or null. Integer so sums in the rollups stay exact. */
  rttUnits: number | null;
  hasDetail: boolean;
}

/** What an append needs to continue a chunk without decoding it: stored beside the blob. */
export interface ChunkTail {
  lastTs: number;
  lastStep: number;
}

export const RTT_UNITS_PER_MS = 100;

export function rttToUnits(rttMs: number | null): number | null {
  return rttMs === null ? null : Math.round(Math.max(0, rttMs) * RTT_UNITS_PER_MS);
}

export function unitsToRtt(units: number | null): number | null {
  return units === null ? null : units / RTT_UNITS_PER_MS;
}

/** Growable byte buffer with LEB128 varints; arithmetic (not bit ops) keeps 53-bit values exact. */
export class ByteWriter {
  private buffer = Buffer.allocUnsafe(64);
  private length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + extra));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`cannot encode ${value} as varint`);
    this.reserve(8);
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.buffer[this.length++] = rest;
  }

  signed(value: number): void {
    this.varint(value >= 0 ? value * 2 : -value * 2 - 1);
  }

  toBuffer(): Buffer {
    return Buffer.from(this.buffer.subarray(0, this.length));
  }
}

export class ByteReader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  byte(): number {
    const value = this.bytes[this.offset++];
    if (value === undefined) throw new RangeError('truncated blob');
    return value;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
    }
  }

  signed(): number {
    const raw = this.varint();
    return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
  }
}

/**
 * Encodes `entries` (ts strictly increasing, all after `tail.lastTs`) as bytes to append to a
 * chunk whose previous state is `tail`; returns the bytes and the new tail.
 */
export function encodeEntries(
  entries: readonly ChunkEntry[],
  tail: ChunkTail,
): { bytes: Buffer; tail: ChunkTail } {
  const out = new ByteWriter();
  let { lastTs, lastStep } = tail;
  for (const entry of entries) {
    const step = entry.ts - lastTs;
    if (step <= 0) throw new RangeError(`chunk entries must be strictly increasing (ts ${entry.ts})`);
    out.signed(step - lastStep);
    const rttCode = entry.rttUnits === null ? 0 : entry.rttUnits + 1;
    out.varint(rttCode * 4 + (entry.hasDetail ? 2 : 0) + (entry.ok ? 1 : 0));
    lastTs = entry.ts;
    lastStep = step;
  }
  return { bytes: out.toBuffer(), tail: { lastTs, lastStep } };
}

/** A fresh chunk starts "just before" its hour with no step history. */
export function emptyTail(hourStart: number): ChunkTail {
  return { lastTs: hourStart - 1, lastStep: 0 };
}

export function decodeChunk(hourStart: number, data: Uint8Array): ChunkEntry[] {
  const reader = new ByteReader(data);
  const entries: ChunkEntry[] = [];
  let { lastTs, lastStep } = emptyTail(hourStart);
  while (!reader.done) {
    const step = lastStep + reader.signed();
    const head = reader.varint();
    const rttCode = Math.floor(head / 4);
    lastTs += step;
    lastStep = step;
    entries.push({
      ts: lastTs,
      ok: head % 2 === 1,
      rttUnits: rttCode === 0 ? null : rttCode - 1,
      hasDetail: head % 4 >= 2,
    });
  }
  return entries;
}
