import { useId, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import type { Translate } from '../../shared/i18n/index.ts';
import type { FieldProblem } from '../../shared/validation.ts';
import { fieldProblems } from '../../shared/validation.ts';

import { useT } from '../i18n.ts';

/** Problems of a value against a schema, by field path ('' when the value is fine). */
export function validate<T>(schema: z.ZodType<T>, value: unknown): FieldProblem[] {
  const result = schema.safeParse(value);
  return result.success ? [] : fieldProblems(result.error);
}

/** The first problem of one field, in the user's language, or null. */
export function problemAt(problems: FieldProblem[] | null, path: string, t: Translate): string | null {
  const problem = problems?.find((p) => p.path === path);
  return problem ? t(problem.key, problem.params) : null;
}

interface FieldProps {
  label: string;
  error?: string | null;
  hint?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}

/** A labelled control with its hint and its error, wired for screen readers. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': described })}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField(props: { label: string; value: string; onChange(value: string): void; error?: string | null; hint?: string; multiline?: boolean; type?: 'text' | 'date' }) {
  return (
    <Field label={props.label} error={props.error ?? null} hint={props.hint}>
      {(a11y) =>
        props.multiline ? (
          <textarea {...a11y} value={props.value} rows={3} onChange={(e) => props.onChange(e.target.value)} />
        ) : (
          <input {...a11y} type={props.type ?? 'text'} value={props.value} onChange={(e) => props.onChange(e.target.value)} autoComplete="off" />
        )
      }
    </Field>
  );
}

/** Reads a number typed with a decimal comma or point; empty is null, anything else NaN. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

const sameNumber = (a: number | null, b: number | null) => a === b || (Number.isNaN(a) && Number.isNaN(b));

/** A number typed as text (decimal comma or point); empty is null, unreadable text NaN (the schema says why). */
export function NumberField(props: { label: string; value: number | null; onChange(value: number | null): void; error?: string | null; hint?: string }) {
  const { number } = useT();
  const shown = (value: number | null) => (value === null || Number.isNaN(value) ? '' : number(value, 6));
  const [text, setText] = useState(shown(props.value));
  const [seen, setSeen] = useState(props.value);
  // Follow changes made elsewhere (an item moved, a form reset) without fighting the user's typing:
  // React's pattern for state derived from a prop that changed since the last render.
  if (!sameNumber(seen, props.value)) {
    setSeen(props.value);
    if (!sameNumber(parseNumber(text), props.value)) setText(shown(props.value));
  }
  return (
    <Field label={props.label} error={props.error ?? null} hint={props.hint}>
      {(a11y) => (
        <input
          {...a11y}
          className="number-input"
          inputMode="decimal"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            props.onChange(parseNumber(e.target.value));
          }}
          autoComplete="off"
        />
      )}
    </Field>
  );
}

export function SelectField<V extends string>(props: { label: string; value: V; options: { value: V; label: string }[]; onChange(value: V): void; error?: string | null }) {
  return (
    <Field label={props.label} error={props.error ?? null}>
      {(a11y) => (
        <select {...a11y} value={props.value} onChange={(e) => props.onChange(e.target.value as V)}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A line above a form that has problems, so the user knows to look for them. */
export function ProblemSummary({ problems }: { problems: FieldProblem[] | null }) {
  const { t } = useT();
  if (!problems || problems.length === 0) return null;
  return (
    <p className="notice error" role="alert">
      {t('validation.summary', { count: problems.length })}
    </p>
  );
}

/** A small button: short visible text, and an accessible name that says what it does to whom. */
export function RowButton({ text, label, onClick, danger, disabled }: { text: string; label: string; onClick(): void; danger?: boolean; disabled?: boolean }) {
  return (
    <button type="button" className={danger ? 'small danger' : 'small'} onClick={onClick} disabled={disabled} aria-label={label} title={label}>
      {text}
    </button>
  );
}

