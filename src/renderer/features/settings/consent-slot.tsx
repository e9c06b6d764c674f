// Slot for the telemetry consent controls, written by another part of the project in
// src/renderer/telemetry/ConsentSettings.tsx. The optional glob finds the file once it exists and
// renders nothing until then, so this page builds either way.
import type { ComponentType } from 'react';

type ConsentModule = { ConsentSettings?: ComponentType };
const modules = import.meta.glob<ConsentModule>('../telemetry/ConsentSettings.tsx', { eager: true });
const ConsentSettings = Object.values(modules)[0]?.ConsentSettings;

export function ConsentSlot() {
  return ConsentSettings ? <ConsentSettings /> : null;
}
