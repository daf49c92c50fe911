import { z } from 'zod';
import { ErrorPayload } from '../errors.ts';
import { Base64, FILE_EXTENSIONS, type FileKind } from '../formats/dsse.ts';

/**
 * Files the operating system hands to JuryBox: a double-click on a `.jbresult`, "Open with", a file
 * dropped on the app's icon. The Node side reads each one; the window asks for them and opens each
 * where its kind belongs.
 */

export const FileKindSchema = z.enum(['contest', 'enrolment', 'result', 'merged']) satisfies z.ZodType<FileKind>;

/** The kind of a file by its extension (any case), or null when JuryBox does not open such files. */
export function kindOfFileName(name: string): FileKind | null {
  const lower = name.toLowerCase();
  const found = (Object.entries(FILE_EXTENSIONS) as [FileKind, string][]).find(([, extension]) => lower.endsWith(extension));
  return found ? found[0] : null;
}

/** A handed file, read whole (`content` is base64, as the channels that open files take it), or why it could not be. */
export const HandedFile = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), kind: FileKindSchema, fileName: z.string(), content: Base64 }),
  z.object({ ok: z.literal(false), fileName: z.string(), error: ErrorPayload }),
]);
export type HandedFile = z.infer<typeof HandedFile>;
