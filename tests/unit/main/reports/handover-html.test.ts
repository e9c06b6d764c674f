import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, formatPrintedDuration as formatDuration } from '@src/main/reports/handover-format';
import { renderHandoverHtml } from '@src/main/reports/handover-html';
import { buildShiftHandover } from '@src/main/reports/shift-handover';
import { EVIL_NAME, handoverFixture, type HandoverFixture } from '../../../support/handover-setup';

describe('handover HTML', () => {
  let fx: HandoverFixture;
  let html: string;
  beforeAll(() => {
    fx = handoverFixture();
    const window = {
      fromMs: Date.parse('2026-01-05T13:00:00Z'),
      toMs: Date.parse('2026-01-05T21:00:00Z'),
      shift: { id: 'late', name: 'Late shift' },
    };
    html = renderHandoverHtml(
      buildShiftHandover(fx.store, fx.config, window, Date.parse('2026-01-05T21:30:00Z')),
    );
  });
  afterAll(() => fx.remove());

  it('escapes a device name carrying a script tag, and notes', () => {
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;pwn&quot;)&lt;/script&gt; &amp; Co');
    expect(html).toContain('PLC rebooted &lt;ok&gt;');
    expect(escapeHtml(EVIL_NAME)).not.toMatch(/[<>"]/);
  });

  it('is self-contained and printable: inline CSS, A4 landscape, nothing fetched', () => {
    expect(html).toMatch(/@page \{ size: A4 landscape/);
    expect(html).not.toMatch(/<link|<img|<script|src=|url\(/i);
    expect(html).toContain("default-src 'none'");
  });

  it('shows site-local times, the shift and the handed-over alarm', () => {
    expect(html).toContain('Shift handover — Late shift');
    expect(html).toContain('Mon, 5 Jan 2026, 14:00 – 22:00');
    expect(html).toContain('Alarms handed over to the next shift');
    expect(html).toMatch(/unacknowledged/);
    expect(html).toContain('Anna');
  });

  it('shows each handed-over alarm with its severity in a shape and a word, and its cost', () => {
    expect(html).toMatch(/<tr data-severity="high"><td class="nowrap severity severity-high">▲ HIGH<\/td>/);
    // 14:18Z: the PLC alarm is still down, 8 min at 850 per minute.
    const early = renderHandoverHtml(
      buildShiftHandover(
        fx.store,
        fx.config,
        { fromMs: Date.parse('2026-01-05T13:00:00Z'), toMs: Date.parse('2026-01-05T14:18:00Z'), shift: null },
        Date.parse('2026-01-05T21:30:00Z'),
      ),
    );
    expect(early).toContain('<td class="num">6,800<br><span class="muted">850/min</span></td>');
    expect(early).toContain('<th class="num">Cost so far</th>');
  });

  it("names the device's type in the cause column, and says 'Device' once it left the config", () => {
    const handover = buildShiftHandover(
      fx.store,
      fx.config,
      { fromMs: Date.parse('2026-01-05T13:00:00Z'), toMs: Date.parse('2026-01-05T21:00:00Z'), shift: null },
      Date.parse('2026-01-05T21:30:00Z'),
    );
    const [first] = handover.outages;
    if (!first) throw new Error('the fixture has an outage in the shift');
    const exception = { ...first, failureKind: 'protocol', failureMessage: 'Modbus exception 0x0B' };
    const typed = renderHandoverHtml({ ...handover, outages: [{ ...exception, endpointType: 'plc' }] });
    expect(typed).toContain('<strong>PLC answers with an exception</strong>: Modbus exception 0x0B');
    const removed = renderHandoverHtml({ ...handover, outages: [{ ...exception, endpointType: null }] });
    expect(removed).toContain('<strong>Device answers with an exception</strong>');
  });

  it('formats durations for people', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(605)).toBe('10 min 5 s');
    expect(formatDuration(6 * 3600 + 300)).toBe('6 h 05 min');
  });
});
