// Console settings (kiosk rotation, wall display, operator PIN) as the renderer sees them. The PIN
// itself never leaves main: the renderer only learns whether one is set and can ask to verify one.
import { z } from 'zod';
import { proofField } from './operator-proof';

export const MIN_ROTATION_SECONDS = 3;
export const MAX_ROTATION_SECONDS = 3_600;

/** 4 to 12 digits: typed on a touch screen at the wall, so digits only. */
export const PinText = z.string().regex(/^\d{4,12}$/, 'the PIN is 4 to 12 digits');

export const ConsoleSettings = z.object({
  kioskRotationSeconds: z.number().int().min(MIN_ROTATION_SECONDS).max(MAX_ROTATION_SECONDS),
  /** Index into the OS display list for the kiosk window; null = the primary display. */
  displayIndex: z.number().int().min(0).max(15).nullable(),
  pinSet: z.boolean(),
  /** From the config file (`retention:`), shown read-only: changing it means editing the config. */
  retentionDays: z.object({
    rawChecks: z.number().nonnegative(),
    minuteRollups: z.number().nonnegative(),
    hourRollups: z.number().nonnegative(),
    dayRollups: z.number().nonnegative(),
  }),
});
export type ConsoleSettings = z.infer<typeof ConsoleSettings>;

export const UpdateSettingsRequest = z
  .object({
    kioskRotationSeconds: ConsoleSettings.shape.kioskRotationSeconds.optional(),
    displayIndex: ConsoleSettings.shape.displayIndex.optional(),
    /** A new PIN, or null to remove it. Changing or removing a set PIN needs `currentPin`. */
    newPin: PinText.nullable().optional(),
    currentPin: z.string().max(12).optional(),
    /** Who made the change, for the audit log. */
    actor: z.string().trim().min(1, 'say who changes the settings').max(80),
    /**
     * Sent by a console in kiosk mode. Recorded in the audit log only: main never trusts it, any
     * change needs proof while a PIN is set (see `mutating` in the contract).
     */
    fromKiosk: z.boolean().default(false),
    ...proofField,
  })
  .strict();

export const VerifyPinRequest = z.object({ pin: z.string().max(12) }).strict();
export const VerifyPinResult = z.object({
  ok: z.boolean(),
  /** On success: an operator session for this connection, to send as `proof: { session }`. */
  session: z.string().nullable(),
  /** Seconds of idleness after which the session expires; null without a session. */
  sessionIdleSeconds: z.number().int().positive().nullable(),
  /** After too many wrong PINs on this connection: seconds until it may try again, else null. */
  retryAfterSeconds: z.number().int().positive().nullable(),
});
export type VerifyPinResult = z.infer<typeof VerifyPinResult>;
