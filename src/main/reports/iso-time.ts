// Parsing of the report window's ISO times. Only times with `Z` or an explicit offset are taken:
// a bare local time would be ambiguous between the operator's PC, the server and the site zone.
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/i;

export const ISO_EXPECTED =
  'an ISO 8601 time with Z or an offset, e.g. 2026-01-05T14:00:00Z or 2026-01-05T15:00:00+01:00';

/** Epoch ms of `text`, or null when it is not an ISO time with offset naming a real instant. */
export function parseIsoWithOffset(text: string): number | null {
  const match = ISO_WITH_OFFSET.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, hh, mm, ss = '0', , offH = '0', offM = '0'] = match;
  const ms = Date.parse(text.trim());
  if (!Number.isFinite(ms)) return null;
  // Date.parse quietly rolls "02-30" over into March; a typo must not shift the window.
  const probe = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const dayOk =
    probe.getUTCFullYear() === Number(y) &&
    probe.getUTCMonth() + 1 === Number(mo) &&
    probe.getUTCDate() === Number(d);
  const clockOk =
    Number(hh) < 24 && Number(mm) < 60 && Number(ss) < 60 && Number(offH) < 24 && Number(offM) < 60;
  return dayOk && clockOk ? ms : null;
}

export interface ReportWindow {
  fromMs: number;
  toMs: number;
}

export type WindowResult = { ok: true; window: ReportWindow } | { ok: false; message: string };

/** Parses `--from`/`--to` (or contract `from`/`to`) and checks that the window is not empty. */
export function parseWindow(from: string, to: string, names = { from: '--from', to: '--to' }): WindowResult {
  const fromMs = parseIsoWithOffset(from);
  if (fromMs === null)
    return { ok: false, message: `${names.from}: expected ${ISO_EXPECTED}; got "${from}"` };
  const toMs = parseIsoWithOffset(to);
  if (toMs === null) return { ok: false, message: `${names.to}: expected ${ISO_EXPECTED}; got "${to}"` };
  if (fromMs >= toMs) {
    return {
      ok: false,
      message: `${names.from} must be before ${names.to}: ${new Date(fromMs).toISOString()} is not before ${new Date(toMs).toISOString()}`,
    };
  }
  return { ok: true, window: { fromMs, toMs } };
}
