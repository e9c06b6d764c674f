import { describe, expect, it } from 'vitest';
import { csvCell, csvCost, csvPercent, csvRow, csvSeconds } from '@src/shared/format';

describe('csvCell', () => {
  it('quotes what RFC 4180 needs quoted and doubles quotes', () => {
    expect(csvCell('plain-id')).toBe('plain-id');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(false)).toBe('false');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('leaves numbers alone, negative ones too', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvRow(['x', 1, null, 'y,z'])).toBe('x,1,,"y,z"');
  });

  it('rounds report figures the way the CSV columns promise', () => {
    expect(csvPercent(2 / 3)).toBe('66.667');
    expect(csvPercent(null)).toBeNull();
    expect(csvSeconds(600.4)).toBe(600);
    expect(csvCost(8500)).toBe('8500.00');
  });
});
