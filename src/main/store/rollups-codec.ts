// Aggregates of checks (count, ok, RTT min/sum/max in 0.01 ms units) and the blob that packs a run
// of them: 60 minute buckets per endpoint-hour, 24 hour buckets per endpoint-day.
//
// Blob layout: a presence bitmap (1 bit per slot), then per present slot, in slot order:
//   varint count * 4 + (some failed ? 2 : 0) + (some without RTT ? 1 : 0)
//   [varint count - okCount]  [varint count - rttCount]          only when flagged
//   varint rttMin, varint rttMax - rttMin, varint rttSum - rttMin * rttCount   when rttCount > 0
// A healthy minute of 6 checks at ~10 ms costs ~6 bytes, so a month of minute buckets for 1,000
// endpoints is ~310 MB on disk (measured, see size-simulation.ts) instead of ~1.5 GB as one row
// per bucket.
import { ByteReader, ByteWriter } from './check-chunks-codec';

export interface Aggregate {
  count: number;
  okCount: number;
  /** Checks that had an RTT (avg = rttSum / rttCount). */
  rttCount: number;
  rttMin: number | null;
  rttSum: number;
  rttMax: number | null;
}

export const emptyAggregate = (): Aggregate => ({
  count: 0,
  okCount: 0,
  rttCount: 0,
  rttMin: null,
  rttSum: 0,
  rttMax: null,
});

const minOf = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.min(a, b);
const maxOf = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.max(a, b);

export function addCheck(into: Aggregate, ok: boolean, rttUnits: number | null): void {
  into.count += 1;
  if (ok) into.okCount += 1;
  if (rttUnits === null) return;
  into.rttCount += 1;
  into.rttSum += rttUnits;
  into.rttMin = minOf(into.rttMin, rttUnits);
  into.rttMax = maxOf(into.rttMax, rttUnits);
}

export function mergeAggregate(a: Aggregate | undefined, b: Aggregate): Aggregate {
  if (!a) return { ...b };
  return {
    count: a.count + b.count,
    okCount: a.okCount + b.okCount,
    rttCount: a.rttCount + b.rttCount,
    rttMin: minOf(a.rttMin, b.rttMin),
    rttSum: a.rttSum + b.rttSum,
    rttMax: maxOf(a.rttMax, b.rttMax),
  };
}

/** Slots of one blob; `undefined` = no check fell in that slot. */
export type Slots = (Aggregate | undefined)[];

export function encodeSlots(slots: Slots): Buffer {
  const out = new ByteWriter();
  for (let base = 0; base < slots.length; base += 8) {
    let bits = 0;
    for (let bit = 0; bit < 8; bit++) if (slots[base + bit]) bits |= 1 << bit;
    out.byte(bits);
  }
  for (const slot of slots) {
    if (!slot) continue;
    const someFailed = slot.okCount < slot.count;
    const someNoRtt = slot.rttCount < slot.count;
    out.varint(slot.count * 4 + (someFailed ? 2 : 0) + (someNoRtt ? 1 : 0));
    if (someFailed) out.varint(slot.count - slot.okCount);
    if (someNoRtt) out.varint(slot.count - slot.rttCount);
    if (slot.rttCount > 0 && slot.rttMin !== null && slot.rttMax !== null) {
      out.varint(slot.rttMin);
      out.varint(slot.rttMax - slot.rttMin);
      out.varint(slot.rttSum - slot.rttMin * slot.rttCount);
    }
  }
  return out.toBuffer();
}

export function decodeSlots(data: Uint8Array, slotCount: number): Slots {
  const reader = new ByteReader(data);
  const present: boolean[] = [];
  for (let base = 0; base < slotCount; base += 8) {
    const bits = reader.byte();
    for (let bit = 0; bit < 8 && base + bit < slotCount; bit++) present.push((bits & (1 << bit)) !== 0);
  }
  return present.map((isPresent) => {
    if (!isPresent) return undefined;
    const head = reader.varint();
    const count = Math.floor(head / 4);
    const okCount = head % 4 >= 2 ? count - reader.varint() : count;
    const rttCount = head % 2 === 1 ? count - reader.varint() : count;
    if (rttCount === 0) return { count, okCount, rttCount, rttMin: null, rttSum: 0, rttMax: null };
    const rttMin = reader.varint();
    const rttMax = rttMin + reader.varint();
    const rttSum = rttMin * rttCount + reader.varint();
    return { count, okCount, rttCount, rttMin, rttSum, rttMax };
  });
}

/** The first slot at or after `fromIndex` that holds data, from the presence bits alone; -1 if none. */
export function firstPresentSlot(data: Uint8Array, slotCount: number, fromIndex: number): number {
  for (let index = Math.max(0, fromIndex); index < slotCount; index++) {
    if (((data[index >> 3] ?? 0) & (1 << (index & 7))) !== 0) return index;
  }
  return -1;
}

/** Folds `updates` (slot index -> aggregate) into an existing blob (or none) and re-encodes it. */
export function mergeIntoBlob(
  data: Uint8Array | undefined,
  slotCount: number,
  updates: ReadonlyMap<number, Aggregate>,
): Buffer {
  const slots: Slots = data ? decodeSlots(data, slotCount) : new Array<undefined>(slotCount).fill(undefined);
  for (const [index, update] of updates) slots[index] = mergeAggregate(slots[index], update);
  return encodeSlots(slots);
}
