import type { MessageKey } from '../../../shared/i18n/index.ts';
import type { Column, ImportKind } from './table.ts';

/** What an import can fill, and the column headers contest offices use for each field. */

export interface FieldSpec {
  field: string;
  required: boolean;
  /** The field's name in the mapping screen. */
  label: MessageKey;
  /** For a required field: the message when no column is chosen for it. */
  notMapped?: MessageKey;
  /** Lower-case header names, Russian and English; compared after normaliseHeader. */
  synonyms: string[];
  /** Whether a cell may hold line breaks (a description; materials one per line). */
  multiline?: true;
}

/** For each field: which column holds it, or null when none does. */
export type Mapping = Record<string, number | null>;

const organisation: FieldSpec = {
  field: 'organisation',
  required: false,
  label: 'import.field.organisation',
  synonyms: ['организация', 'учреждение', 'наименование организации', 'название организации', 'наименование учреждения', 'место работы', 'предприятие', 'компания', 'organisation', 'organization', 'institution', 'company', 'employer'],
};

const region: FieldSpec = {
  field: 'region',
  required: false,
  label: 'import.field.region',
  synonyms: ['регион', 'субъект', 'субъект рф', 'субъект российской федерации', 'регион рф', 'region', 'subject of the russian federation'],
};

export const FIELDS: Record<ImportKind, FieldSpec[]> = {
  entries: [
    {
      field: 'title',
      required: true,
      label: 'import.field.title',
      notMapped: 'import.notMapped.title',
      synonyms: ['название', 'наименование', 'участник', 'фио участника', 'название участника', 'наименование участника', 'фио', 'конкурсант', 'название проекта', 'наименование проекта', 'название работы', 'title', 'entry', 'entry title', 'name', 'participant', 'project'],
    },
    organisation,
    region,
    { field: 'nomination', required: false, label: 'import.field.nomination', synonyms: ['номинация', 'номинации', 'название номинации', 'конкурсная номинация', 'nomination'] },
    { field: 'category', required: false, label: 'import.field.category', synonyms: ['категория', 'подкатегория', 'подноминация', 'category', 'subcategory'] },
    { field: 'description', required: false, multiline: true, label: 'import.field.description', synonyms: ['описание', 'аннотация', 'краткое описание', 'описание проекта', 'description', 'summary', 'abstract'] },
    {
      field: 'applicationNo',
      required: false,
      label: 'import.field.applicationNo',
      // Not a bare "№": in Russian spreadsheets that is the running row number («№ п/п»).
      synonyms: ['№ заявки', 'номер заявки', 'заявка №', 'регистрационный номер', 'рег номер', 'заявка', 'application no', 'application number', 'application id', 'application'],
    },
    {
      field: 'appliedOn',
      required: false,
      label: 'import.field.appliedOn',
      synonyms: ['дата заявки', 'дата подачи', 'дата подачи заявки', 'дата регистрации', 'дата', 'application date', 'applied on', 'submitted on', 'submission date', 'date'],
    },
    { field: 'materials', required: false, multiline: true, label: 'import.field.materials', synonyms: ['материалы', 'ссылки', 'ссылка', 'файлы', 'файл', 'приложения', 'конкурсные материалы', 'materials', 'links', 'link', 'files', 'attachments'] },
  ],
  experts: [
    {
      field: 'name',
      required: true,
      label: 'import.field.name',
      notMapped: 'import.notMapped.name',
      synonyms: ['фио', 'эксперт', 'фамилия имя отчество', 'фио эксперта', 'член жюри', 'name', 'full name', 'expert', 'juror', 'jury member'],
    },
    organisation,
    region,
    { field: 'position', required: false, label: 'import.field.position', synonyms: ['должность', 'занимаемая должность', 'position', 'job title'] },
    { field: 'role', required: false, label: 'import.field.role', synonyms: ['роль', 'роль в жюри', 'статус в жюри', 'role', 'jury role'] },
  ],
};

/**
 * A header reduced to what identifies it: case, ё/е, punctuation, spacing and a trailing remark
 * in brackets ("Регион (субъект РФ)") do not matter; "№" reads as "номер".
 */
export function normaliseHeader(header: string): string {
  const unbracketed = header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  const text = unbracketed.trim() === '' ? header : unbracketed;
  return text.toLowerCase().replace(/ё/g, 'е').replace(/№/g, ' номер ').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A first guess at the mapping from the headers; each column serves at most one field. */
export function suggestMapping(kind: ImportKind, columns: Column[]): Mapping {
  const mapping: Mapping = {};
  const taken = new Set<number>();
  for (const spec of FIELDS[kind]) {
    const names = new Set(spec.synonyms.map(normaliseHeader));
    const column = columns.find((c) => !taken.has(c.index) && names.has(normaliseHeader(c.header)));
    mapping[spec.field] = column?.index ?? null;
    if (column !== undefined) taken.add(column.index);
  }
  return mapping;
}
