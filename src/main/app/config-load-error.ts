import type { ConfigIssue } from '../../shared/contract/schemas';

/** Thrown at start when the config file is invalid: there is no last good config to keep running. */
export class ConfigLoadError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(`configuration has ${issues.length} error(s)`);
  }
}
