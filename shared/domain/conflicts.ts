/**
 * The automatic conflict-of-interest rule, shared by every side that needs it (the organiser's
 * editor, the expert's app, the chair's checks), so they all find the same conflicts: an expert
 * and an entry from the same region, or from the same organisation.
 */

export interface ConflictParty {
  region: string;
  organisation: string;
}

export type ConflictField = 'region' | 'organisation';

/** Case, spacing and ё/е do not make two names different. */
export function conflictKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('ru').replaceAll('ё', 'е');
}

/** What an expert and an entry share that makes an automatic conflict; empty when nothing. */
export function autoConflictFields(expert: ConflictParty, entry: ConflictParty): ConflictField[] {
  const fields: ConflictField[] = [];
  const region = conflictKey(expert.region);
  const organisation = conflictKey(expert.organisation);
  if (region !== '' && region === conflictKey(entry.region)) fields.push('region');
  if (organisation !== '' && organisation === conflictKey(entry.organisation)) fields.push('organisation');
  return fields;
}
