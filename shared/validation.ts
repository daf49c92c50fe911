import type { z } from 'zod';
import { isMessageKey, type MessageKey, type Params } from './i18n/index.ts';

/** One problem with a form, ready to show: where (the field's path) and what, as a message key. */
export interface FieldProblem {
  path: string;
  key: MessageKey;
  params: Params;
}

type Issue = z.core.$ZodIssue;

function keyOf(issue: Issue): { key: MessageKey; params: Params } {
  switch (issue.code) {
    case 'custom': {
      const key = (issue.params as { key?: unknown } | undefined)?.key;
      return typeof key === 'string' && isMessageKey(key) ? { key, params: {} } : { key: 'validation.invalid', params: {} };
    }
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? { key: 'validation.required', params: {} } : { key: 'validation.tooShort', params: { min: Number(issue.minimum) } };
      if (issue.origin === 'number') return !issue.inclusive && Number(issue.minimum) === 0 ? { key: 'validation.positive', params: {} } : { key: 'validation.min', params: { min: Number(issue.minimum) } };
      return { key: 'validation.tooFew', params: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { key: 'validation.tooLong', params: { max: Number(issue.maximum) } };
      if (issue.origin === 'number') return { key: 'validation.max', params: { max: Number(issue.maximum) } };
      return { key: 'validation.tooMany', params: { max: Number(issue.maximum) } };
    case 'invalid_type':
      return issue.expected === 'number' ? { key: 'validation.number', params: {} } : { key: 'validation.required', params: {} };
    case 'invalid_format':
      return { key: 'validation.format', params: {} };
    default:
      return { key: 'validation.invalid', params: {} };
  }
}

/**
 * Zod's issues as problems the UI can show beside each field, in the user's language. The same
 * schemas check the input on the Node side, so what passes here is what the host accepts.
 */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), ...keyOf(issue) }));
}
