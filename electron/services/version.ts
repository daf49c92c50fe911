import pkg from '../../package.json' with { type: 'json' };

/** The version users see (app:info, --version), from package.json. */
export const appVersion: string = pkg.version;
