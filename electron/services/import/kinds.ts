import type { z } from 'zod';
import { Entry, Expert } from '../../../shared/domain/contest.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { place } from './placement.ts';
import type { NominationRef, PlacementDefaults } from './placement.ts';
import { cellText } from './table.ts';
import type { CellValue } from './table.ts';
import { fold, parseDate, parseRole, splitMaterials } from './values.ts';

/** How one row becomes an Entry or an Expert before the shared schema has its say. */

export interface Problem {
  field: string;
  code: MessageKey;
  params: Record<string, string | number>;
}

export interface Draft {
  /** The schema's input; a field with a problem is left for its default so it is reported once. */
  values: Record<string, unknown>;
  problems: Problem[];
  /** Rows with the same key are the same item twice; null when the row has nothing to compare. */
  duplicate: { key: string; problem: (firstRow: number) => Problem } | null;
}

export interface DraftContext {
  nominations: NominationRef[];
  defaults?: PlacementDefaults;
}

export interface Kind<T> {
  schema: z.ZodType<T>;
  draft(cell: (field: string) => CellValue, context: DraftContext): Draft;
}

function entryDraft(cell: (field: string) => CellValue, context: DraftContext): Draft {
  const text = (field: string): string => cellText(cell(field));
  const placement = place(context.nominations, context.defaults, text('nomination'), text('category'));
  const problems: Problem[] = [...placement.problems];
  const appliedOn = parseDate(cell('appliedOn'));
  if ('problem' in appliedOn) problems.push({ field: 'appliedOn', code: appliedOn.problem, params: appliedOn.params });
  const applicationNo = text('applicationNo');
  const values = {
    nominationId: placement.nominationId ?? undefined,
    categoryId: placement.categoryId,
    title: text('title'),
    organisation: text('organisation'),
    region: text('region'),
    description: text('description'),
    applicationNo: applicationNo === '' ? null : applicationNo,
    appliedOn: 'value' in appliedOn ? appliedOn.value : null,
    materials: splitMaterials(cell('materials')),
  };
  const duplicate =
    applicationNo === ''
      ? null
      : { key: fold(applicationNo), problem: (firstRow: number) => ({ field: 'applicationNo', code: 'import.duplicateApplication' as const, params: { value: applicationNo, firstRow } }) };
  return { values, problems, duplicate };
}

function expertDraft(cell: (field: string) => CellValue): Draft {
  const text = (field: string): string => cellText(cell(field));
  const role = parseRole(cell('role'));
  const problems: Problem[] = 'problem' in role ? [{ field: 'role', code: role.problem, params: role.params }] : [];
  const [name, organisation] = [text('name'), text('organisation')];
  const values = { name, organisation, region: text('region'), position: text('position'), role: 'value' in role ? role.value : undefined };
  // The same person may sit on juries for two organisations; the same name in the same one is a repeat.
  const duplicate =
    name === ''
      ? null
      : { key: `${fold(name)}\u0000${fold(organisation)}`, problem: (firstRow: number) => ({ field: 'name', code: 'import.duplicateExpert' as const, params: { name, firstRow } }) };
  return { values, problems, duplicate };
}

export const KINDS: { entries: Kind<Entry>; experts: Kind<Expert> } = {
  entries: { schema: Entry, draft: entryDraft },
  experts: { schema: Expert, draft: expertDraft },
};
