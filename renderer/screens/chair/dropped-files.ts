/** Result bundles the chair drops or chooses: files as given, folders searched for .jbresult files. */

export const BUNDLE_EXTENSION = '.jbresult';

export interface Picked {
  /** The files to import, each with the path it had under a dropped or chosen folder. */
  files: { name: string; file: File }[];
  /** Files in folders that are not result bundles (left out). */
  skipped: number;
}

const isBundle = (name: string): boolean => name.toLowerCase().endsWith(BUNDLE_EXTENSION);

/** Files chosen with the file input: every one is judged (a wrong one is refused with its reason). */
export function fromFiles(list: FileList | null): Picked {
  return { files: [...(list ?? [])].map((file) => ({ name: file.name, file })), skipped: 0 };
}

/** Files of a folder chosen with the folder input: only result bundles, named by their path in the folder. */
export function fromFolder(list: FileList | null): Picked {
  const all = [...(list ?? [])];
  const files = all.filter((f) => isBundle(f.name)).map((file) => ({ name: file.webkitRelativePath || file.name, file }));
  return { files, skipped: all.length - files.length };
}

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries answers in chunks (100 in Chromium) until it answers an empty list.
  return new Promise((resolve, reject) => {
    const found: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((chunk) => {
        if (chunk.length === 0) resolve(found);
        else {
          found.push(...chunk);
          next();
        }
      }, reject);
    next();
  });
}

const fileOf = (entry: FileSystemFileEntry): Promise<File> => new Promise((resolve, reject) => entry.file(resolve, reject));

/** What was dropped: files as they are, folders searched (at any depth) for result bundles. */
export async function fromDrop(transfer: DataTransfer): Promise<Picked> {
  const picked: Picked = { files: [], skipped: 0 };
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) return fromFiles(transfer.files);
  const walk = async (entry: FileSystemEntry, inFolder: boolean): Promise<void> => {
    if (entry.isDirectory) {
      for (const child of await readAll((entry as FileSystemDirectoryEntry).createReader())) await walk(child, true);
      return;
    }
    if (inFolder && !isBundle(entry.name)) {
      picked.skipped += 1;
      return;
    }
    picked.files.push({ name: inFolder ? entry.fullPath.replace(/^\//, '') : entry.name, file: await fileOf(entry as FileSystemFileEntry) });
  };
  for (const entry of entries) await walk(entry, false);
  // The same order on every machine, whatever order the system listed the folder in.
  picked.files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return picked;
}
