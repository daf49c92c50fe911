// Types of the plain-JavaScript rule beside it (eslint.config.js loads the .js as it is).
import type { ESLint, Rule } from 'eslint';

export declare const noLiteralText: Rule.RuleModule;
declare const plugin: ESLint.Plugin & { rules: { 'no-literal-text': Rule.RuleModule } };
export default plugin;
