// An ESLint rule: the renderer shows no text that is not a message of shared/i18n. Every word a user
// reads comes from `t(key)`, so Russian and English stay complete and the same (test/shared/i18n.test.ts).
// Plain JavaScript: eslint.config.js loads it as it is.
import ts from 'typescript';

/** A letter of any script: text without one (a dash, a number, "×") is not language. */
const LETTER = /\p{L}/u;

/** Attributes a user reads or hears: their literal values need a message too. */
const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder', 'title', 'alt', 'placeholder', 'label']);

/** @param {unknown} value */
const hasText = (value) => typeof value === 'string' && LETTER.test(value);

/**
 * The language an expression writes out, if it is a string or template literal with letters in it.
 * @param {any} e
 * @returns {string | null}
 */
function literalText(e) {
  if (e.type === 'Literal') return hasText(e.value) ? String(e.value) : null;
  if (e.type === 'TemplateLiteral' && e.quasis.some((/** @type {any} */ q) => hasText(q.value.cooked))) return e.quasis.map((/** @type {any} */ q) => q.value.cooked).join('…');
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noLiteralText = {
  meta: {
    type: 'problem',
    docs: { description: 'Text shown to users comes from the i18n messages (t(key)), never from a literal in a component.' },
    schema: [],
    messages: {
      text: 'Literal text "{{text}}" in the UI: add a message to shared/i18n (ru and en) and show t(key).',
      attribute: 'Literal text "{{text}}" in the {{name}} attribute: add a message to shared/i18n (ru and en) and use t(key).',
    },
  },
  create(context) {
    /** @param {import('estree').Node} node @param {string} text @param {'text' | 'attribute'} messageId @param {string} [name] */
    const report = (node, text, messageId, name = '') => context.report({ node, messageId, data: { text: text.trim().slice(0, 40), name } });
    return {
      /** @param {any} node */
      JSXText(node) {
        if (hasText(node.value)) report(node, node.value, 'text');
      },
      /** @param {any} node  A string in braces as a child: {'Сохранить'} or {`Сохранить`}. */
      JSXExpressionContainer(node) {
        if (node.parent?.type !== 'JSXElement' && node.parent?.type !== 'JSXFragment') return;
        const text = literalText(node.expression);
        if (text !== null) report(node, text, 'text');
      },
      /** @param {any} node */
      JSXAttribute(node) {
        const name = typeof node.name.name === 'string' ? node.name.name : '';
        if (!READ_ATTRIBUTES.has(name) || !node.value) return;
        const text = literalText(node.value.type === 'JSXExpressionContainer' ? node.value.expression : node.value);
        if (text !== null) report(node, text, 'attribute', name);
      },
    };
  },
};

/**
 * Numbers shown as they are print "7.5" in Russian too, and 10000 without the locale's grouping: a
 * number a user reads goes through the i18n formatter (`number(value)` of useT, or a message's
 * parameter). Needs type information: the rule asks the TypeScript program whether a child is a number.
 * @type {import('eslint').Rule.RuleModule}
 */
export const noRawNumber = {
  meta: {
    type: 'problem',
    docs: { description: 'Numbers shown in the UI are formatted for the language (number() of useT), never printed raw.' },
    schema: [],
    messages: { number: 'A number shown raw: format it for the language with number(…) from useT() (or pass it to t() as a parameter).' },
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    if (!services?.program || !services.esTreeNodeToTSNodeMap) return {};
    const checker = services.program.getTypeChecker();
    return {
      /** @param {any} node */
      JSXExpressionContainer(node) {
        if (node.parent?.type !== 'JSXElement' && node.parent?.type !== 'JSXFragment') return;
        if (node.expression.type === 'JSXEmptyExpression') return;
        const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node.expression));
        const parts = type.isUnion() ? type.types : [type];
        // undefined and null render nothing; what is left must not be all numbers.
        const shown = parts.filter((/** @type {ts.Type} */ t) => (t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) === 0);
        if (shown.length > 0 && shown.every((/** @type {ts.Type} */ t) => (t.flags & ts.TypeFlags.NumberLike) !== 0)) context.report({ node, messageId: 'number' });
      },
    };
  },
};

export default { rules: { 'no-literal-text': noLiteralText, 'no-raw-number': noRawNumber } };
