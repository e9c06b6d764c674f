// The small acknowledge dialog: who (required, prefilled with the last name used here), an
// optional note and, while an operator PIN is set and no operator session is live, the PIN. A
// native modal <dialog> keeps focus inside and closes on Escape; Enter submits from either field
// (Shift+Enter adds a line to the note). Refusals are shown inside the dialog. On a read-only LAN
// wall the operator token is asked for first (the shared prompt); cancelling it closes the dialog.
import { useEffect, type SubmitEvent, type KeyboardEvent } from 'react';
import type { AlarmView } from '../../../shared/contract';
import { useAlarms } from './alarm-store';
import { useWall } from '../../live/wall-store';
import { useAcknowledgeActions } from './acknowledge-context';
import { ALARM_STRIP_ID } from './AlarmStrip';
import {
  AcknowledgeModal,
  NoteField,
  OperatorNameField,
  OperatorPinField,
  useAcknowledgeForm,
} from './AcknowledgeFields';
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
  const close = useAlarms((state) => state.closeAcknowledge);
  const submitting = useAlarms((state) => state.acknowledging?.submitting ?? false);
  const error = useAlarms((state) => state.acknowledging?.error ?? null);
  const form = useAcknowledgeForm(error, () => restoreFocus(alarmId));
  const { actions, operator, setOperator, note, setNote, pin, setPin, askPin } = form;
  const { dialogRef, operatorRef, noteRef, pinRef, ids, operatorMissing } = form;
  // Asked for the PIN and refused: any refusal but a missing name is about the PIN then.
  const pinRefused = askPin && error !== null && !operatorMissing;

  useEffect(() => {
    if (operatorMissing) operatorRef.current?.focus();
  }, [operatorMissing, operatorRef]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    // A refused PIN is cleared for the next try; the dialog is gone after a success.
    void actions.submit({ operator, note, pin }).then(form.afterSubmit);
  };
  const onNoteKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  };

  return (
    <AcknowledgeModal
      dialogRef={dialogRef}
      titleId={ids}
      title="Acknowledge alarm"
      className=""
      describedBy={`${ids}-what`}
      onClose={close}
      onSubmit={onSubmit}
    >
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
      <OperatorNameField
        ref={operatorRef}
        value={operator}
        onChange={setOperator}
        missing={operatorMissing}
        describedBy={operatorMissing ? `${ids}-error` : undefined}
      />
      <NoteField
        ref={noteRef}
        label="Note"
        rows={3}
        placeholder="What is being done, e.g. “Maintenance replacing cable”"
        value={note}
        onChange={setNote}
        onKeyDown={onNoteKeyDown}
      />
      {askPin && (
        <OperatorPinField
          ref={pinRef}
          value={pin}
          onChange={setPin}
          invalid={pinRefused}
          describedBy={pinRefused ? `${ids}-error` : undefined}
        />
      )}
      {error && (
        <p id={`${ids}-error`} className="dialog__error ack-dialog__error" role="alert">
          ⚠ {error}
        </p>
      )}
      <div className="dialog__actions ack-dialog__actions">
        <span className="ack-dialog__hint">Enter to acknowledge · Shift+Enter new line · Esc to cancel</span>
        <button type="button" className="button button--secondary" onClick={close}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? 'Acknowledging…' : 'Acknowledge'}
        </button>
      </div>
    </AcknowledgeModal>
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
