// "Acknowledge all cleared": the devices back up whose alarms nobody acknowledged yet, all chosen
// at first (untick the ones to answer on their own), with one name, one note and, while an operator
// PIN is set and no session is live, the PIN. One request answers them all (one audit entry each);
// what main leaves alone is said in the dialog. A native modal <dialog>, like the single one.
import { useEffect, useId, useMemo, useRef, useState, type SubmitEvent } from 'react';
import { formatCount } from '../../../shared/format';
import { NOTHING_CHOSEN, isClearedUnanswered } from './acknowledge-cleared-flow';
import { OPERATOR_REQUIRED } from './acknowledge-flow';
import { useAlarms } from './alarm-store';
import { useWall } from '../../live/wall-store';
import { useAcknowledgeActions } from './acknowledge-context';
import { formatClockTime } from './format-alarm';
import { PinField } from '../access/OperatorPrompt';

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
  const [operator, setOperator] = useState(actions.lastOperator);
  const [note, setNote] = useState('');
  const [pin, setPin] = useState('');
  const askPin = actions.pinRequired?.() ?? false;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const operatorRef = useRef<HTMLInputElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  const operatorMissing = error === OPERATOR_REQUIRED;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    dialog.showModal();
    (operatorRef.current?.value ? noteRef.current : operatorRef.current)?.focus();
    return () => {
      dialog.close();
      restoreFocus();
    };
  }, []);

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
    void actions.submitCleared({ operator, note, pin, alarmIds: chosen }).then((done) => {
      if (done || !askPin) return;
      setPin('');
      pinRef.current?.focus();
    });
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog ack-dialog ack-cleared"
      aria-labelledby={`${ids}-title`}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <form className="dialog__form ack-dialog__form" onSubmit={onSubmit} noValidate>
        <h2 id={`${ids}-title`} className="dialog__title ack-dialog__title">
          Acknowledge all cleared
        </h2>
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
        <label className="ack-dialog__field">
          <span>
            Your name <span className="ack-dialog__required">(required)</span>
          </span>
          <input
            ref={operatorRef}
            name="operator"
            autoComplete="name"
            maxLength={80}
            required
            aria-invalid={operatorMissing}
            value={operator}
            onChange={(event) => setOperator(event.target.value)}
          />
        </label>
        <label className="ack-dialog__field">
          <span>One note for all of them</span>
          <textarea
            ref={noteRef}
            name="note"
            rows={2}
            maxLength={1000}
            placeholder="What happened, e.g. “Switch 3 rebooted, all back”"
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
        {askPin && (
          <label className="ack-dialog__field">
            <span>
              Operator PIN <span className="ack-dialog__required">(required while a PIN is set)</span>
            </span>
            <PinField
              ref={pinRef}
              value={pin}
              onChange={setPin}
              invalid={error !== null && !operatorMissing}
            />
          </label>
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
      </form>
    </dialog>
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
