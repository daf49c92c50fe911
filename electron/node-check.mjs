// Refuses an older Node.js in one sentence. Every entry point (npm start, build and test, and the
// `jurybox` command) runs this before anything else: the TypeScript they load next needs Node's
// built-in type stripping (22.18+), and better-sqlite3 13's bundled binary crashes below 22.14, so
// an older Node would otherwise stop with a stack trace. Plain JavaScript in the oldest syntax an
// ESM-capable Node parses, and no i18n: the message catalogue is TypeScript, which cannot load yet.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);

if (major < 22 || (major === 22 && minor < 18)) {
  const env = process.env;
  const russian = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase().startsWith('ru');
  const version = process.versions.node;
  console.error(
    russian
      ? `Для JuryBox нужен Node.js 22.18 или новее (здесь ${version}); установите Node.js 24 с nodejs.org.`
      : `JuryBox needs Node.js 22.18 or newer (this is ${version}); install Node.js 24 from nodejs.org.`,
  );
  process.exit(1);
}
