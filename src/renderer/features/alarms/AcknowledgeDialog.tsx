// The small acknowledge dialog: who (required, prefilled with the last name used here), an
// optional note and, while an operator PIN is set and no operator session is live, the PIN. A
// native modal <dialog> keeps focus inside and closes on Escape; Enter submits from either field
// (Shift+Enter adds a line to the note). Refusals are shown inside the dialog. On a read-only LAN
// wall the operator token is asked for first (the shared prompt); cancelling it closes the dialog.
import { useEffect, useId, useRef, useState, type SubmitEvent, type KeyboardEvent } from 'react';
import type { AlarmView } from '../../../shared/contract';
import { OPERATOR_REQUIRED } from './acknowledge-flow';
import { useAlarms } from './alarm-store';
import { useWall } from '../../live/wall-store';
import { useAcknowledgeActions } from './acknowledge-context';
import { ALARM_STRIP_ID } from './AlarmStrip';
import { PinField } from '../access/OperatorPrompt';
import { AcknowledgeClearedDialog } from './AcknowledgeClearedDialog';

/**
 * Back to the button that opened the dialog; once that alarm is acknowledged, on to the next one
 * waiting (operators often answer several in a row), else to the strip itself.
 */
function restoreFocus(alarmId: number): void {
  const target =
    document.querySelector<HTMLElement>(`[data-ack-button="${alarmId}"]`) ??
    document.querySelector<HTMLElement>('[data-ack-button]') ??
    document.getElementById(ALARM_STRIP_ID);
  target?.focus();
}

function AcknowledgeForm({ alarmId, alarm }: { alarmId: number; alarm: AlarmView | undefined }) {
  const actions = useAcknowledgeActions();
  const close = useAlarms((state) => state.closeAcknowledge);
  const submitting = useAlarms((state) => state.acknowledging?.submitting ?? false);
  const error = useAlarms((state) => state.acknowledging?.error ?? null);
  const [operator, setOperator] = useState(actions.lastOperator);
  const [note, setNote] = useState('');
  const [pin, setPin] = useState('');
  const askPin = actions.pinRequired?.() ?? false;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const operatorRef = useRef<HTMLInputElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const ids = useId();
  const operatorMissing = error === OPERATOR_REQUIRED;
  const pinRef = useRef<HTMLInputElement>(null);
  // Asked for the PIN and refused: any refusal but a missing name is about the PIN then.
  const pinRefused = askPin && error !== null && !operatorMissing;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    dialog.showModal();
    // A known operator goes straight to the note; autoFocus would run before showModal.
    (operatorRef.current?.value ? noteRef.current : operatorRef.current)?.focus();
    return () => {
      dialog.close();
      restoreFocus(alarmId);
    };
  }, [alarmId]);

  useEffect(() => {
    if (operatorMissing) operatorRef.current?.focus();
  }, [operatorMissing]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void actions.submit({ operator, note, pin }).then((acknowledged) => {
      // A refused PIN is cleared for the next try; the dialog is gone after a success.
      if (acknowledged || !askPin) return;
      setPin('');
      pinRef.current?.focus();
    });
  };
  const onNoteKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog ack-dialog"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-what`}
      onCancel={(event) => {
        // Escape: let React own the closing, so the store and the DOM agree.
        event.preventDefault();
        close();
      }}
    >
      <form className="dialog__form ack-dialog__form" onSubmit={onSubmit} noValidate>
        <h2 id={`${ids}-title`} className="dialog__title ack-dialog__title">
          Acknowledge alarm
        </h2>
        <p id={`${ids}-what`} className="ack-dialog__what">
          {alarm ? (
            <>
              <span className="ack-dialog__line">{alarm.lineName}</span>
              <strong>{alarm.endpointName}</strong>
              {alarm.failure && <span className="ack-dialog__failure">{alarm.failure}</span>}
            </>
          ) : (
            `Alarm #${alarmId} is no longer listed.`
          )}
        </p>
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
            aria-describedby={operatorMissing ? `${ids}-error` : undefined}
            value={operator}
            onChange={(event) => setOperator(event.target.value)}
          />
        </label>
        <label className="ack-dialog__field">
          <span>Note</span>
          <textarea
            ref={noteRef}
            name="note"
            rows={3}
            maxLength={1000}
            placeholder="What is being done, e.g. “Maintenance replacing cable”"
            value={note}
            onChange={(event) => setNote(event.target.value)}
            onKeyDown={onNoteKeyDown}
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
              invalid={pinRefused}
              describedBy={pinRefused ? `${ids}-error` : undefined}
            />
          </label>
        )}
        {error && (
          <p id={`${ids}-error`} className="dialog__error ack-dialog__error" role="alert">
            ⚠ {error}
          </p>
        )}
        <div className="dialog__actions ack-dialog__actions">
          <span className="ack-dialog__hint">
            Enter to acknowledge · Shift+Enter new line · Esc to cancel
          </span>
          <button type="button" className="button button--secondary" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting ? 'Acknowledging…' : 'Acknowledge'}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** A read-only wall: the token prompt comes first; once signed in the form takes over. */
function SignInFirst() {
  const actions = useAcknowledgeActions();
  const close = useAlarms((state) => state.closeAcknowledge);
  useEffect(() => {
    let current = true;
    // Asked twice in StrictMode's double effect, the prompt is still shown once (same answer).
    void (actions.signIn?.() ?? Promise.resolve(false)).then((signedIn) => {
      if (current && !signedIn) close();
    });
    return () => {
      current = false;
    };
  }, [actions, close]);
  return null;
}

/** The wall's acknowledge dialogs: one alarm, and "Acknowledge all cleared" (hosted once by App). */
export function AcknowledgeDialog() {
  return (
    <>
      <AcknowledgeOneDialog />
      <AcknowledgeClearedDialog />
    </>
  );
}

function AcknowledgeOneDialog() {
  const alarmId = useAlarms((state) => state.acknowledging?.alarmId ?? null);
  const alarm = useAlarms((state) => state.alarms.find((candidate) => candidate.id === alarmId));
  const readOnly = useWall((state) => state.appInfo?.access === 'read-only');
  if (alarmId === null) return null;
  if (readOnly) return <SignInFirst key={alarmId} />;
  // Keyed by alarm, so switching alarms starts a fresh form (and focus runs again).
  return <AcknowledgeForm key={alarmId} alarmId={alarmId} alarm={alarm} />;
}
