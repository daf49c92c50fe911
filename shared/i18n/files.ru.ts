/** Files the user names: what a path turned out to be, and why it could not be read or written. */
export const filesRu = {
  'file.isFolder': '{file} — это папка, а не файл. Выберите файл.',
  'file.isPipe': '{file} — это канал (FIFO), а не файл; JuryBox не читает из каналов. Выберите обычный файл.',
  'file.notRegular': '{file} — не обычный файл (устройство или сокет). Выберите обычный файл.',
  'file.notFolder': '{file} — не папка. Выберите папку или имя, которого ещё нет.',
  'file.noBundlesIn': 'В папке {folder} нет результатов экспертов (файлов .jbresult).',
  'file.pathThroughFile': 'Путь {file} проходит через файл, как через папку: одна из частей пути — не папка.',
  'file.noAccess': 'Нет прав на чтение файла {file}.',
  'file.folderMissing': 'Папки {folder} нет, поэтому {file} не создан. Создайте папку или выберите другую.',
  'file.cannotWrite': 'Нет прав на запись в папку {folder}, поэтому {file} не создан. Выберите другую папку.',
  'file.readOnlyMedium': 'Файл {file} не записан: носитель доступен только для чтения.',
  'file.diskFull': 'Файл {file} не записан: на диске нет места. Освободите место и повторите; прежний файл не тронут.',
  'file.unwritable': 'Не удалось записать файл {file} ({reason}).',
} as const;
