// The audible cue for a new alarm, synthesised with the Web Audio API (no audio files to ship or
// load). Browsers refuse to start audio before the user has interacted with the page, so the
// AudioContext is created on the first pointer or key press and the cue stays silent until then.
import { soundStore } from './sound-store';

/** Two-tone pattern, three times: distinct from UI clicks and from most machine horns. */
const PATTERN_HZ = [988, 740, 988, 740, 988, 740];
const TONE_S = 0.16;
const GAP_S = 0.06;
const VOLUME = 0.25;
/** Presses on the sound toggle unlock through the toggle itself, so they do not also flip it. */
const TOGGLE_SELECTOR = '[data-sound]';

export interface AlarmSound {
  play(): void;
  /** Create the audio context; only works inside a user gesture. */
  unlock(): void;
}

let installed: AlarmSound | null = null;

export function installAlarmSound(target: Window = window): AlarmSound {
  if (installed) return installed;
  let context: AudioContext | null = null;

  const unlock = (): void => {
    if (context) return;
    target.removeEventListener('pointerdown', onInteraction, true);
    target.removeEventListener('keydown', onInteraction, true);
    try {
      context = new AudioContext();
      void context.resume();
    } catch {
      // No audio device (a headless wall PC): the visual alarm still works.
    }
    soundStore.getState().setUnlocked();
  };
  function onInteraction(event: Event): void {
    if (event.target instanceof Element && event.target.closest(TOGGLE_SELECTOR)) return;
    unlock();
  }
  target.addEventListener('pointerdown', onInteraction, true);
  target.addEventListener('keydown', onInteraction, true);

  const play = (): void => {
    if (!context || soundStore.getState().muted) return;
    let at = context.currentTime + 0.02;
    for (const frequency of PATTERN_HZ) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'square';
      oscillator.frequency.value = frequency;
      // Short ramps at both ends: a tone switched on and off abruptly clicks.
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(VOLUME, at + 0.01);
      gain.gain.setValueAtTime(VOLUME, at + TONE_S - 0.02);
      gain.gain.linearRampToValueAtTime(0, at + TONE_S);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + TONE_S);
      at += TONE_S + GAP_S;
    }
  };

  installed = { play, unlock };
  return installed;
}

/** For the sound toggle: its first press enables sound instead of muting it. */
export function unlockAlarmSound(): void {
  installed?.unlock();
}
