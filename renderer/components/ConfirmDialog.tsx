import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  /** What happens on each choice; read out with the title. */
  children: ReactNode;
  /** The safe choice: focused first, and what Esc does. */
  cancel: string;
  confirm: string;
  onCancel(): void;
  onConfirm(): void;
}

/**
 * A question the user must answer before going on, as a modal <dialog>: the page behind is inert,
 * Tab stays inside, Esc answers with the safe choice, and focus returns where it was.
 */
export function ConfirmDialog({ title, children, cancel, confirm, onCancel, onConfirm }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const safe = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    const shown = dialog.current;
    if (!shown) return;
    shown.showModal();
    safe.current?.focus();
    return () => shown.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-text`}>{children}</div>
      <div className="actions">
        <button ref={safe} type="button" className="primary" onClick={onCancel}>
          {cancel}
        </button>
        <button type="button" onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </dialog>
  );
}
