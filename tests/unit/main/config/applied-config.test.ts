// A stored config version reads back as the config it was, whichever form it was stored in.
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '@src/main/config';
import { configOfAppliedText } from '@src/main/config/applied-config';
import { diffEndpoints } from '@src/main/config/endpoint-diff';
import { BASE, yaml } from '../../../support/config-helpers';

const text = yaml(BASE);
const loaded = parseConfigText(text, 'plant.yaml');
if (!loaded.ok) throw new Error('BASE must load');

describe('configOfAppliedText', () => {
  it('re-parses a file version from its YAML', () => {
    const config = configOfAppliedText({ source: 'file', path: 'plant.yaml', text });
    expect(config).toEqual(loaded.config);
    expect(config && diffEndpoints(config, loaded.config)).toEqual({ added: [], changed: [], removed: [] });
  });

  it('reads a demo version from the JSON of its resolved config', () => {
    const config = configOfAppliedText({ source: 'demo', path: null, text: JSON.stringify(loaded.config) });
    expect(config && diffEndpoints(config, loaded.config)).toEqual({ added: [], changed: [], removed: [] });
  });

  it('returns null when the text no longer reads as a config', () => {
    expect(configOfAppliedText({ source: 'file', path: 'plant.yaml', text: 'site: [unclosed' })).toBeNull();
    expect(configOfAppliedText({ source: 'demo', path: null, text: '{"lines": 3}' })).toBeNull();
    expect(configOfAppliedText({ source: 'demo', path: null, text: 'not json' })).toBeNull();
  });
});
