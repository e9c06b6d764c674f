// The alarm sound switch in the header. It also says when the browser still blocks audio, because
// a wall that looks armed but cannot beep is worse than one that says so.
import { unlockAlarmSound } from './alarm-sound';
import { soundStore, useSound } from './sound-store';
import { BellIcon, BellOffIcon } from '../../components/icons';

export function SoundToggle() {
  const muted = useSound((state) => state.muted);
  const unlocked = useSound((state) => state.unlocked);
  const label = !unlocked ? 'Sound: click to enable' : muted ? 'Sound off' : 'Sound on';
  return (
    <button
      type="button"
      className={`header__sound header__sound--${!unlocked ? 'locked' : muted ? 'muted' : 'on'}`}
      aria-pressed={unlocked ? muted : undefined}
      aria-label={unlocked ? 'Mute alarm sound' : 'Enable alarm sound'}
      title={unlocked ? 'Mute or unmute the alarm sound' : 'Browsers allow sound only after a click'}
      data-sound={!unlocked ? 'locked' : muted ? 'muted' : 'on'}
      onClick={() => {
        if (soundStore.getState().unlocked) soundStore.getState().toggleMuted();
        else unlockAlarmSound();
      }}
    >
      {muted ? <BellOffIcon /> : <BellIcon />} {label}
    </button>
  );
}
