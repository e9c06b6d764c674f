// The built `linewatch` bin, as a user or an IT script runs it.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../support/cli-process';

const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('linewatch bin', () => {
  it('check-config: exit 0 on the spec example', () => {
    const result = run('check-config', 'tests/fixtures/config/spec-example.yaml');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('check-config: exit 1 with FILE:LINE:COL on a bad duration and an unknown equipment type', () => {
    const duration = run('check-config', 'tests/fixtures/config/bad-duration.yaml');
    expect(duration.status).toBe(1);
    expect(duration.stderr).toMatch(
      /^tests\/fixtures\/config\/bad-duration\.yaml:17:19 .*expected a duration/m,
    );
    const type = run('check-config', 'tests/fixtures/config/bad-type.yaml');
    expect(type.status).toBe(1);
    expect(type.stderr).toMatch(/^tests\/fixtures\/config\/bad-type\.yaml:12:15 .*expected one of plc, hmi/m);
  });

  it('exit 2 on usage errors', () => {
    expect(run('serve').status).toBe(2);
    expect(run('no-such-command').status).toBe(2);
    expect(run('serve', '--config', 'x.yaml', '--data', 'd', '--port', 'eighty').status).toBe(2);
  });

  it('serve exits 1 with the config errors when the config is bad', () => {
    const result = run('serve', '--config', 'tests/fixtures/config/bad-type.yaml', '--data', '/tmp/lw-never');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/bad-type\.yaml:12:15/);
  });
});
