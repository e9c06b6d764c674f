// "Acknowledge all cleared": the devices back up whose alarms nobody acknowledged yet, all chosen
// at first (untick the ones to answer on their own), with one name, one note and, while an operator
// PIN is set and no session is live, the PIN. One request answers them all (one audit entry each);
// what main leaves alone is said in the dialog. A native modal <dialog>, like the single one.
import { useEffect, useMemo, useState, type SubmitEvent } from 'react';
import { formatCount } from '../../../shared/format';
import { NOTHING_CHOSEN, isClearedUnanswered } from './acknowledge-cleared-flow';
import { useAlarms } from './alarm-store';
import { useWall } from '../../live/wall-store';
import { useAcknowledgeActions } from './acknowledge-context';
import { formatClockTime } from './format-alarm';
// The parts both acknowledge dialogs share (name, note, PIN, the modal and its state).
import * as parts from './AcknowledgeFields';

function restoreFocus(): void {
  const target =
    document.querySelector<HTMLElement>('[data-ack-cleared-button]') ??
    document.querySelector<HTMLElement>('[data-ack-button]') ??
    document.getElementById('alarm-strip');
  target?.focus();
}

function AcknowledgeClearedForm() {
  const actions = useAcknowledgeActions();
  const close = useAlarms((state) => state.closeAcknowledgeCleared);
  const submitting = useAlarms((state) => state.acknowledgingCleared?.submitting ?? false);
  const error = useAlarms((state) => state.acknowledgingCleared?.error ?? null);
  const alarms = useAlarms((state) => state.alarms);
  const timeZone = useWall((state) => state.site?.timezone);
  const cleared = useMemo(() => alarms.filter(isClearedUnanswered), [alarms]);
  // Unticked ones, so an alarm that clears while the dialog is open is chosen too.
  const [unticked, setUnticked] = useState<ReadonlySet<number>>(new Set());
  const chosen = cleared.filter((alarm) => !unticked.has(alarm.id)).map((alarm) => alarm.id);
  const form = parts.useAcknowledgeForm(error, restoreFocus);
  const { operator, setOperator, note, setNote, pin, setPin, askPin } = form;
  const { dialogRef, operatorRef, noteRef, pinRef, ids, operatorMissing } = form;

  const toggle = (id: number, on: boolean): void =>
    setUnticked((current) => {
      const next = new Set(current);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });
  const setAll = (on: boolean): void => setUnticked(on ? new Set() : new Set(cleared.map((a) => a.id)));

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void actions.submitCleared({ operator, note, pin, alarmIds: chosen }).then(form.afterSubmit);
  };

  return (
    <parts.AcknowledgeModal
      dialogRef={dialogRef}
      titleId={ids}
      title="Acknowledge all cleared"
      className="ack-cleared"
      onClose={close}
      onSubmit={onSubmit}
    >
      <fieldset className="ack-cleared__choice">
        <legend>
          {formatCount(chosen.length)} of {formatCount(cleared.length)} back up, not acknowledged
        </legend>
        <div className="ack-cleared__all">
          <button type="button" className="button button--secondary" onClick={() => setAll(true)}>
            Select all
          </button>
          <button type="button" className="button button--secondary" onClick={() => setAll(false)}>
            Select none
          </button>
        </div>
        <ul className="ack-cleared__list">
          {cleared.map((alarm) => (
            <li key={alarm.id}>
              <label>
                <input
                  type="checkbox"
                  name="alarm"
                  value={alarm.id}
                  checked={!unticked.has(alarm.id)}
                  onChange={(event) => toggle(alarm.id, event.target.checked)}
                />
                <span className="ack-dialog__line">{alarm.lineName}</span>
                <strong>{alarm.endpointName}</strong>
                <span className="ack-cleared__when">
                  back up {alarm.clearedAt ? formatClockTime(alarm.clearedAt, timeZone) : ''}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <parts.OperatorNameField
        ref={operatorRef}
        value={operator}
        onChange={setOperator}
        missing={operatorMissing}
      />
      <parts.NoteField
        label="One note for all of them"
        rows={2}
        placeholder="What happened, e.g. “Switch 3 rebooted, all back”"
        value={note}
        onChange={setNote}
        ref={noteRef}
      />
      {askPin && (
        <parts.OperatorPinField
          invalid={error !== null && !operatorMissing}
          value={pin}
          onChange={setPin}
          ref={pinRef}
        />
      )}
      {error && (
        <p className="dialog__error ack-dialog__error" role="alert">
          ⚠ {error}
        </p>
      )}
      <div className="dialog__actions ack-dialog__actions">
        <span className="ack-dialog__hint">Esc to cancel</span>
        <button type="button" className="button button--secondary" onClick={close}>
          Cancel
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={submitting}
          aria-describedby={chosen.length === 0 ? `${ids}-none` : undefined}
        >
          {submitting ? 'Acknowledging…' : `Acknowledge ${formatCount(chosen.length)}`}
        </button>
        {chosen.length === 0 && (
          <span id={`${ids}-none`} className="ack-dialog__hint">
            {NOTHING_CHOSEN}
          </span>
        )}
      </div>
    </parts.AcknowledgeModal>
  );
}

export function AcknowledgeClearedDialog() {
  const open = useAlarms((state) => state.acknowledgingCleared !== null);
  const readOnly = useWall((state) => state.appInfo?.access === 'read-only');
  const actions = useAcknowledgeActions();
  const close = useAlarms((state) => state.closeAcknowledgeCleared);
  useEffect(() => {
    if (!open || !readOnly) return;
    let current = true;
    void (actions.signIn?.() ?? Promise.resolve(false)).then((signedIn) => {
      if (current && !signedIn) close();
    });
    return () => {
      current = false;
    };
  }, [open, readOnly, actions, close]);
  if (!open || readOnly) return null;
  return <AcknowledgeClearedForm />;
}
