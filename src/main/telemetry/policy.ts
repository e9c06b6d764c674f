// Machine-wide overrides set by the plant's IT: the LINEWATCH_CONSENT variable (read at start,
// fixes the choice for this process) and a policy file that presets or locks it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { NO_CONSENT, parseConsentList, type ConsentChoice } from '../../shared/telemetry/consent';

export type ConsentOverride =
  { kind: 'none' } | { kind: 'preset' | 'locked'; source: 'environment' | 'policy'; choice: ConsentChoice };

const PolicyFile = z.object({
  consent: z
    .object({
      error_diagnostics: z.boolean().optional(),
      performance: z.boolean().optional(),
      usage_analytics: z.boolean().optional(),
    })
    .strict(),
  locked: z.boolean().optional(),
});

export function defaultPolicyPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (env.LINEWATCH_POLICY_FILE) return env.LINEWATCH_POLICY_FILE;
  if (platform === 'win32') return join(env.ProgramData ?? 'C:\\ProgramData', 'Linewatch', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/Linewatch/policy.json';
  return '/etc/linewatch/policy.json';
}

export interface ReadOverrideResult {
  override: ConsentOverride;
  /** Problems worth logging; a broken policy locks everything off rather than granting anything. */
  warnings: string[];
}

export function readConsentOverride(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): ReadOverrideResult {
  const warnings: string[] = [];
  let policy: ConsentOverride = { kind: 'none' };
  const path = defaultPolicyPath(platform, env);
  let text: string | null = null;
  try {
    text = readFile(path);
  } catch {
    // No policy file is the normal case.
  }
  if (text !== null) {
    let parsed: z.infer<typeof PolicyFile> | null = null;
    try {
      const result = PolicyFile.safeParse(JSON.parse(text));
      if (result.success) parsed = result.data;
    } catch {
      parsed = null;
    }
    if (parsed === null) {
      warnings.push(`telemetry policy ${path} is not valid; all telemetry is locked off`);
      return { override: { kind: 'locked', source: 'policy', choice: { ...NO_CONSENT } }, warnings };
    }
    const choice = { ...NO_CONSENT, ...parsed.consent };
    policy = { kind: parsed.locked ? 'locked' : 'preset', source: 'policy', choice };
  }
  // A locked policy wins over the variable: the machine's owner outranks one process's launcher.
  if (policy.kind === 'locked') return { override: policy, warnings };
  const raw = env.LINEWATCH_CONSENT;
  if (raw !== undefined && raw.trim() !== '') {
    const parsed = parseConsentList(raw);
    if ('error' in parsed) {
      warnings.push(`LINEWATCH_CONSENT: ${parsed.error}; all telemetry is locked off`);
      return { override: { kind: 'locked', source: 'environment', choice: { ...NO_CONSENT } }, warnings };
    }
    return { override: { kind: 'locked', source: 'environment', choice: parsed }, warnings };
  }
  return { override: policy, warnings };
}
