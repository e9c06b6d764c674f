// What both acknowledge dialogs (one alarm, all cleared) share: the operator's name and, while an
// operator PIN is set and no session is live, the PIN, and the modal's state and focus. One place,
// so the two dialogs cannot drift in wording, limits, focus or accessibility.
import {
  useEffect,
  useEffectEvent,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
  type SubmitEvent,
} from 'react';
import { PinField } from '../access/OperatorPrompt';
import { useAcknowledgeActions } from './acknowledge-context';
import { OPERATOR_REQUIRED } from './acknowledge-flow';

/**
 * The form state of an acknowledge dialog: opened as a modal with the focus on the name (or, for
 * a known operator, on the note; autoFocus would run before showModal), closed with the focus
 * given back by `restoreFocus`; `afterSubmit` clears a refused PIN for the next try.
 */
export function useAcknowledgeForm(error: string | null, restoreFocus: () => void) {
  const actions = useAcknowledgeActions();
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
  // Read when the dialog closes; each dialog is keyed by what it answers, so it opens once.
  const onClosed = useEffectEvent(restoreFocus);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    dialog.showModal();
    (operatorRef.current?.value ? noteRef.current : operatorRef.current)?.focus();
    return () => {
      dialog.close();
      onClosed();
    };
  }, []);

  const afterSubmit = (done: boolean): void => {
    if (done || !askPin) return;
    setPin('');
    pinRef.current?.focus();
  };
  return {
    actions,
    operator,
    setOperator,
    note,
    setNote,
    pin,
    setPin,
    askPin,
    dialogRef,
    operatorRef,
    noteRef,
    pinRef,
    ids,
    operatorMissing,
    afterSubmit,
  };
}

export function OperatorNameField({
  value,
  onChange,
  missing,
  describedBy,
  ref,
}: {
  value: string;
  onChange: (value: string) => void;
  missing: boolean;
  describedBy?: string | undefined;
  ref?: Ref<HTMLInputElement>;
}) {
  return (
    <label className="ack-dialog__field">
      <span>
        Your name <span className="ack-dialog__required">(required)</span>
      </span>
      <input
        ref={ref}
        name="operator"
        autoComplete="name"
        maxLength={80}
        required
        aria-invalid={missing}
        aria-describedby={describedBy}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}

export function OperatorPinField({
  value,
  onChange,
  invalid,
  describedBy,
  ref,
}: {
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  describedBy?: string | undefined;
  ref?: Ref<HTMLInputElement>;
}) {
  return (
    <label className="ack-dialog__field">
      <span>
        Operator PIN <span className="ack-dialog__required">(required while a PIN is set)</span>
      </span>
      <PinField ref={ref} value={value} onChange={onChange} invalid={invalid} describedBy={describedBy} />
    </label>
  );
}

/** The modal shell: Escape closes through React, so the store and the DOM agree. */
export function AcknowledgeModal({
  dialogRef,
  titleId,
  title,
  className,
  describedBy,
  onClose,
  onSubmit,
  children,
}: {
  dialogRef: Ref<HTMLDialogElement>;
  /** The prefix of the ids in the dialog (useId), for its title. */
  titleId: string;
  title: string;
  className: string;
  describedBy?: string;
  onClose: () => void;
  onSubmit: (event: SubmitEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  return (
    <dialog
      ref={dialogRef}
      className={`dialog ack-dialog ${className}`.trim()}
      aria-labelledby={`${titleId}-title`}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form className="dialog__form ack-dialog__form" onSubmit={onSubmit} noValidate>
        <h2 id={`${titleId}-title`} className="dialog__title ack-dialog__title">
          {title}
        </h2>
        {children}
      </form>
    </dialog>
  );
}

export function NoteField({
  label,
  rows,
  placeholder,
  value,
  onChange,
  onKeyDown,
  ref,
}: {
  label: string;
  rows: number;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  ref?: Ref<HTMLTextAreaElement>;
}) {
  return (
    <label className="ack-dialog__field">
      <span>{label}</span>
      <textarea
        ref={ref}
        name="note"
        rows={rows}
        maxLength={1000}
        placeholder={placeholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
    </label>
  );
}
