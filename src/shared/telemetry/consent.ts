// The consent model shared by main and renderer: three categories, each off until a person (or the
// plant's IT, by policy) says yes. Schemas live here so the contract, the store and the dialog agree.
import { z } from 'zod';
import { proofField } from '../contract/operator-proof';
import { FaultSite } from './fault-context';

export const CONSENT_CATEGORIES = ['error_diagnostics', 'performance', 'usage_analytics'] as const;
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];

export const ConsentChoice = z
  .object({
    error_diagnostics: z.boolean(),
    performance: z.boolean(),
    usage_analytics: z.boolean(),
  })
  .strict();
export type ConsentChoice = z.infer<typeof ConsentChoice>;

/** Never asked, kiosk, withdrawn: nothing leaves. */
export const NO_CONSENT: ConsentChoice = Object.freeze({
  error_diagnostics: false,
  performance: false,
  usage_analytics: false,
});

export const CONSENT_SOURCES = ['never_asked', 'stored', 'environment', 'policy'] as const;

export const ConsentState = z.object({
  /** What is in force now (stored choice, or the IT preset/lock that overrides it). */
  choice: ConsentChoice,
  source: z.enum(CONSENT_SOURCES),
  /** IT fixed the choice: the dialog and Settings show it read-only. */
  locked: z.boolean(),
  /** True until someone on this machine decides (and nothing locks the choice). */
  needsDecision: z.boolean(),
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
  appVersion: z.string().nullable(),
  /** Bumped by "Forget me": every renderer seeing a higher value resets its analytics identity. */
  identityEpoch: z.number().int().nonnegative(),
});
export type ConsentState = z.infer<typeof ConsentState>;

export const SetConsentRequest = z.object({ choice: ConsentChoice, ...proofField }).strict();
export type SetConsentRequest = z.infer<typeof SetConsentRequest>;
export const ForgetMeRequest = z.object({ ...proofField }).strict();

export const OS_FAMILIES = ['windows', 'macos', 'linux', 'other'] as const;

/**
 * What the renderer needs to start its SDKs. Comes from main's environment at run time, so no DSN
 * or token is ever baked into the bundle. All null: telemetry is off whatever the consent.
 */
export const TelemetryConfig = z.object({
  sentryDsn: z.string().nullable(),
  mixpanelToken: z.string().nullable(),
  mixpanelApiHost: z.string().nullable(),
  appVersion: z.string(),
  osFamily: z.enum(OS_FAMILIES),
  endpointCountBucket: z.string(),
  /** sha256 of the site id, truncated: groups events per plant without naming it. */
  siteHash: z.string(),
  /** Names, hosts and URLs of the loaded config (and the OS user) that the scrubber removes. */
  sensitiveStrings: z.array(z.string()),
  /** What the renderer's Sentry may say about a fault's line, device and shift (empty without a DSN). */
  faultSite: FaultSite,
});
export type TelemetryConfig = z.infer<typeof TelemetryConfig>;

/** `none`, or a comma list of categories; unknown words are an error so a typo never grants. */
export function parseConsentList(raw: string): ConsentChoice | { error: string } {
  const words = raw
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
  const choice: ConsentChoice = { ...NO_CONSENT };
  if (words.length === 1 && words[0] === 'none') return choice;
  for (const word of words) {
    if (!(CONSENT_CATEGORIES as readonly string[]).includes(word)) {
      return {
        error: `unknown consent category "${word}" (expected ${CONSENT_CATEGORIES.join(', ')} or none)`,
      };
    }
    choice[word as ConsentCategory] = true;
  }
  return choice;
}

export const grantedCategories = (choice: ConsentChoice): ConsentCategory[] =>
  CONSENT_CATEGORIES.filter((c) => choice[c]);
