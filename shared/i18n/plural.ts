/** Plural forms keyed by Intl.PluralRules categories; `other` is the fallback. */
export interface PluralForms {
  one?: string;
  few?: string;
  many?: string;
  other: string;
}
