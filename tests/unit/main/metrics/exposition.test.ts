// The hand-written part of the exposition: escaping per the text format, NaN and infinities, and
// one rendering per labels object.
import { describe, expect, it } from 'vitest';
import { ExpositionWriter, labelText, withLabel } from '@src/main/metrics/exposition';
import { parseExposition } from '../../../support/prometheus-text';

describe('exposition', () => {
  it('escapes backslash, newline and quote in label values', () => {
    const labels = { line: 'press "A"\\1\nnorth' };
    expect(labelText(labels)).toBe('line="press \\"A\\"\\\\1\\nnorth"');
    expect(withLabel(labelText({ site: 'a' }), 'state', 'up')).toBe('site="a",state="up"');
    expect(withLabel('', 'state', 'up')).toBe('state="up"');
  });

  it('writes HELP and TYPE, samples with and without labels, NaN and infinities', () => {
    const out = new ExpositionWriter();
    out.family('x_up', 'Up.\nSecond line', 'gauge');
    out.sample('x_up', labelText({ endpoint: 'plc' }), Number.NaN);
    out.sample('x_up', '', Infinity);
    out.sample('x_up', withLabel('', 'le', '+Inf'), -Infinity);
    expect(out.text()).toBe(
      '# HELP x_up Up.\\nSecond line\n# TYPE x_up gauge\nx_up{endpoint="plc"} NaN\nx_up +Inf\nx_up{le="+Inf"} -Inf\n',
    );
    expect(parseExposition(out.text()).map((s) => s.value)).toEqual([Number.NaN, Infinity, -Infinity]);
  });
});
