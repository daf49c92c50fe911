import type { filesRu } from './files.ru.ts';

/** English messages about files the user names: exactly the keys of the Russian ones. */
export const filesEn: Record<keyof typeof filesRu, string> = {
  'file.isFolder': '{file} is a folder, not a file. Choose a file.',
  'file.isPipe': '{file} is a pipe (FIFO), not a file; JuryBox does not read from pipes. Choose a regular file.',
  'file.notRegular': '{file} is not a regular file (a device or a socket). Choose a regular file.',
  'file.notFolder': '{file} is not a folder. Choose a folder, or a name that does not exist yet.',
  'file.noBundlesIn': 'The folder {folder} holds no experts’ results (.jbresult files).',
  'file.pathThroughFile': 'The path {file} goes through a file as if it were a folder: a part of the path is not a folder.',
  'file.noAccess': 'You have no permission to read {file}.',
  'file.folderMissing': 'The folder {folder} does not exist, so {file} was not created. Create the folder or choose another.',
  'file.cannotWrite': 'You have no permission to write in {folder}, so {file} was not created. Choose another folder.',
  'file.readOnlyMedium': '{file} was not written: the medium is read-only.',
  'file.diskFull': '{file} was not written: the disk is full. Free some space and try again; the previous file is untouched.',
  'file.unwritable': 'Could not write {file} ({reason}).',
};
