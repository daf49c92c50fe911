/**
 * Every channel the UI can call, by name. Kept apart from the schemas so the sandboxed preload
 * can list the channels without bundling zod; `contract.ts` checks that both lists agree.
 */
export const channels = [
  'app:info',
  'workspace:recent',
  'workspace:current',
  'workspace:open',
  'workspace:openDemo',
  'workspace:pick',
  'workspace:close',
  'scoring:setScorer',
  'scoring:overview',
  'scoring:entries',
  'scoring:entry',
  'marks:set',
  'workspace:create',
  'editor:overview',
  'editor:saveInfo',
  'editor:saveNomination',
  'editor:deleteNomination',
  'editor:moveNomination',
  'editor:entries',
  'editor:saveEntry',
  'editor:deleteEntry',
  'editor:experts',
  'editor:saveExpert',
  'editor:deleteExpert',
  'editor:matrix',
  'editor:assign',
  'editor:decideConflict',
  'import:preview',
  'import:check',
  'import:commit',
  'keys:list',
  'keys:create',
  'publish:status',
  'publish:run',
  'enrol:preview',
  'enrol:confirm',
  'package:preview',
  'package:open',
  'package:update',
  'scoring:mine',
  'marks:comment',
  'entry:comment',
  'entry:decide',
  'submit:status',
  'submit:run',
  'enrol:export',
] as const;

export type Channel = (typeof channels)[number];

/** The IPC channel name the Electron transport uses for an API channel. */
export const ipcChannel = (channel: Channel): string => `jurybox:${channel}`;
