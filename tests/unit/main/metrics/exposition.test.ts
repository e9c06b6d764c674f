// The hand-written part of the exposition: escaping per the text format, NaN and infinities, and
// one rendering per labels object.
import { describe, expect, it } from 'vitest';
import {
  ExpositionWriter,
  familyLabel,
  labelText,
  seriesPrefix,
  withLabel,
} from '@src/main/metrics/exposition';
import { parseExposition } from '../../../support/prometheus-text';

describe('exposition', () => {
  it('escapes backslash, newline and quote in label values', () => {
    const labels = { line: 'press "A"\\1\nnorth' };
    expect(labelText(labels)).toBe('line="press \\"A\\"\\\\1\\nnorth"');
    expect(withLabel(labelText({ site: 'a' }), 'state', 'up')).toBe('site="a",state="up"');
    expect(withLabel('', 'state', 'up')).toBe('state="up"');
  });

  it('renders a series start once per family, labels object and family label', () => {
    const labels = { site: 'a', line: 'l"1' };
    const up = familyLabel('state', 'up');
    expect(familyLabel('state', 'up')).toBe(up);
    expect(seriesPrefix('x_state', labels, up)).toBe('x_state{site="a",line="l\\"1",state="up"} ');
    expect(seriesPrefix('x_state', labels, familyLabel('state', 'down'))).toBe(
      'x_state{site="a",line="l\\"1",state="down"} ',
    );
    expect(seriesPrefix('x_up', labels)).toBe('x_up{site="a",line="l\\"1"} ');
    // A copy of the labels is another object: rendered anew, to the same text.
    expect(seriesPrefix('x_up', { ...labels })).toBe(seriesPrefix('x_up', labels));
  });

  it('writes HELP and TYPE, samples with and without labels, NaN and infinities', () => {
    const out = new ExpositionWriter();
    out.family('x_up', 'Up.\nSecond line', 'gauge');
    out.sample(seriesPrefix('x_up', { endpoint: 'plc' }), Number.NaN);
    out.sample(seriesPrefix('x_up'), Infinity);
    out.sample(seriesPrefix('x_up', undefined, familyLabel('le', '+Inf')), -Infinity);
    expect(out.text()).toBe(
      '# HELP x_up Up.\\nSecond line\n# TYPE x_up gauge\nx_up{endpoint="plc"} NaN\nx_up +Inf\nx_up{le="+Inf"} -Inf\n',
    );
    expect(parseExposition(out.text()).map((s) => s.value)).toEqual([Number.NaN, Infinity, -Infinity]);
  });
});
