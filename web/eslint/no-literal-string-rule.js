// ESLint rule: no user-visible literal text in JSX outside the message catalogs
// (docs/i18n.md). Reports text between tags, string literals and template
// literals rendered as children, and literal strings given to attributes people
// read (aria-label, title, placeholder, alt, label, …). Text without a letter
// ("·", "—", "42") and the names listed in `allow` pass.

const LETTER = /\p{L}/u;

/** Attributes and component props whose value is shown to or read out to a person. */
const VISIBLE_ATTRIBUTES = new Set([
  'alt',
  'aria-description',
  'aria-label',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'confirmLabel',
  'description',
  'emptyText',
  'footer',
  'hint',
  'label',
  'message',
  'placeholder',
  'subtitle',
  'title',
]);

/** @param {string} text @param {Set<string>} allow */
function isVisible(text, allow) {
  const trimmed = text.trim();
  if (trimmed === '' || !LETTER.test(trimmed) || allow.has(trimmed)) return false;
  // An address or an example of one (placeholder="https://…/chats/…") reads the same everywhere.
  return !/^[a-z]+:\/\/\S*$/i.test(trimmed);
}

/** @type {import('eslint').Rule.RuleModule} */
export const noLiteralStringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'User-visible text comes from the message catalogs (docs/i18n.md)' },
    messages: {
      literal: 'User-visible text "{{text}}" must come from a catalog: t(\'…\') (docs/i18n.md).',
    },
    schema: [
      {
        type: 'object',
        properties: { allow: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const allow = new Set(context.options[0]?.allow ?? []);

    /** @param {import('estree').Node} node @param {string} text */
    function report(node, text) {
      context.report({ node, messageId: 'literal', data: { text: text.trim().slice(0, 40) } });
    }

    /** Literal strings (and template literals' fixed parts) inside an expression shown as is. @param {any} node */
    function checkExpression(node) {
      if (!node) return;
      if (node.type === 'Literal' && typeof node.value === 'string') {
        if (isVisible(node.value, allow)) report(node, node.value);
      } else if (node.type === 'TemplateLiteral') {
        const fixed = node.quasis.map((q) => q.value.cooked ?? '').join(' ');
        if (isVisible(fixed, allow)) report(node, fixed);
      } else if (node.type === 'ConditionalExpression') {
        checkExpression(node.consequent);
        checkExpression(node.alternate);
      } else if (node.type === 'LogicalExpression') {
        checkExpression(node.right);
      }
    }

    return {
      /** @param {any} node */
      JSXText(node) {
        if (isVisible(node.value, allow)) report(node, node.value);
      },
      /** @param {any} node */
      JSXExpressionContainer(node) {
        if (node.parent?.type === 'JSXElement' || node.parent?.type === 'JSXFragment') {
          checkExpression(node.expression);
        }
      },
      /** @param {any} node */
      JSXAttribute(node) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : null;
        if (!name || !VISIBLE_ATTRIBUTES.has(name) || !node.value) return;
        if (node.value.type === 'Literal') checkExpression(node.value);
        else if (node.value.type === 'JSXExpressionContainer') checkExpression(node.value.expression);
      },
    };
  },
};
