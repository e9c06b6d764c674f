// The one place the console asks the operator to prove who they are: the operator PIN (any console,
// while a PIN is set) or the operator token (a read-only LAN wall). Opened by the client layer when
// main refuses a change, or by a button; big touch-friendly fields, refusals in words next to them.
import { useEffect, useId, useRef, useState, type SubmitEvent, type Ref } from 'react';
import { useStore } from 'zustand';
import type { OperatorAccess } from '../../client/operator-access';
import type { OpenPrompt } from '../../client/operator-prompts';
import { LockIcon } from '../../components/icons';

/** The operator PIN field, shared by this prompt, the acknowledge dialog and the settings form. */
export function PinField({
  value,
  onChange,
  name = 'pin',
  invalid,
  describedBy,
  required,
  ref,
}: {
  value: string;
  onChange: (value: string) => void;
  name?: string;
  invalid?: boolean;
  describedBy?: string;
  required?: boolean;
  ref?: Ref<HTMLInputElement>;
}) {
  return (
    <input
      ref={ref}
      className="pin-field"
      name={name}
      type="password"
      inputMode="numeric"
      autoComplete="off"
      maxLength={12}
      required={required}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

const COPY = {
  pin: {
    title: 'Operator PIN',
    lead: (purpose: string) => `An operator PIN is set on this Linewatch. Enter it to ${purpose}.`,
    label: 'PIN',
    submit: 'Confirm',
    checking: 'Checking…',
  },
  token: {
    title: 'Operator sign-in',
    lead: () => 'Enter the operator token from the Linewatch host to act from this screen.',
    label: 'Operator token',
    submit: 'Sign in',
    checking: 'Signing in…',
  },
} as const;

function PromptDialog({ prompt, finish }: { prompt: OpenPrompt; finish: (id: number, ok: boolean) => void }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  const copy = COPY[prompt.kind];

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    // Opened after any dialog already shown (the acknowledge dialog), so it lies on top of it.
    dialog.showModal();
    inputRef.current?.focus();
    return () => dialog.close();
  }, []);

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (checking) return;
    setChecking(true);
    setError(null);
    const outcome = await prompt.submit(value);
    setChecking(false);
    if (outcome.ok) {
      finish(prompt.id, true);
      return;
    }
    setError(outcome.message);
    setValue('');
    inputRef.current?.focus();
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog operator-prompt"
      data-prompt={prompt.kind}
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-lead`}
      onCancel={(event) => {
        event.preventDefault();
        finish(prompt.id, false);
      }}
    >
      <form
        className="dialog__form operator-prompt__form"
        onSubmit={(event) => void onSubmit(event)}
        noValidate
      >
        <h2 id={`${ids}-title`} className="dialog__title operator-prompt__title">
          <LockIcon /> {copy.title}
        </h2>
        <p id={`${ids}-lead`} className="operator-prompt__lead">
          {copy.lead(prompt.purpose)}
        </p>
        <label className="operator-prompt__field">
          <span>{copy.label}</span>
          {prompt.kind === 'pin' ? (
            <PinField
              ref={inputRef}
              value={value}
              onChange={setValue}
              invalid={error !== null}
              describedBy={error ? `${ids}-error` : undefined}
            />
          ) : (
            <input
              ref={inputRef}
              className="token-field"
              name="operatorToken"
              type="password"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              maxLength={200}
              aria-invalid={error !== null}
              aria-describedby={error ? `${ids}-error` : `${ids}-where`}
              value={value}
              onChange={(event) => setValue(event.target.value)}
            />
          )}
        </label>
        {prompt.kind === 'token' && (
          <p id={`${ids}-where`} className="operator-prompt__hint">
            It is in the file <code>operator-token</code> in the data folder of the Linewatch host. It is kept
            in this browser tab only, until the tab is closed.
          </p>
        )}
        {error && (
          <p id={`${ids}-error`} className="dialog__error operator-prompt__error" role="alert">
            <span aria-hidden="true">⚠</span> {error}
          </p>
        )}
        <div className="dialog__actions operator-prompt__actions">
          <button type="button" className="button button--secondary" onClick={() => finish(prompt.id, false)}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={checking}>
            {checking ? copy.checking : copy.submit}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** Rendered once at the root, outside the consent gate, so a consent save can ask for the PIN too. */
export function OperatorPromptHost({ operator }: { operator: OperatorAccess }) {
  const open = useStore(operator.prompts.store, (state) => state.open);
  if (open === null) return null;
  // Keyed by prompt, so a new question starts with an empty field.
  return <PromptDialog key={open.id} prompt={open} finish={operator.prompts.finish} />;
}
