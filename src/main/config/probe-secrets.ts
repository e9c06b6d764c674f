// The OPC UA passwords a config names must be there when it is loaded or applied: a missing
// variable or an unreadable file found at 3 a.m. on the wall ("Login refused") is a config mistake
// that `check-config` and the reload should have named, at the key that points to it.
import type { SecretReader } from './secret-reader';
import type { LinewatchConfig } from './types';
import { formatPath, type PathIssue } from './zod-issues';

/** One issue per OPC UA user whose password cannot be read; the messages never carry a value. */
export function opcuaPasswordIssues(config: LinewatchConfig, readSecret: SecretReader): PathIssue[] {
  const issues: PathIssue[] = [];
  for (const [lineIndex, line] of config.lines.entries()) {
    for (const [endpointIndex, endpoint] of line.endpoints.entries()) {
      const { probe } = endpoint;
      if (probe.kind !== 'opcua' || probe.user === null) continue;
      const { password } = probe.user;
      const key = 'env' in password ? 'password_env' : 'password_file';
      try {
        readSecret(password);
      } catch (error) {
        const why = error instanceof Error ? error.message : 'secret not readable';
        const path = ['lines', lineIndex, 'endpoints', endpointIndex, 'probe', 'user', key];
        issues.push({
          path,
          target: 'value',
          message: `${formatPath(path)}: ${why}, expected it to hold the OPC UA password of user ${probe.user.name}`,
        });
      }
    }
  }
  return issues;
}
