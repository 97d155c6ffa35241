// ESLint rule enforcing the bulletproof-react dependency direction:
//   app → features → shared (components, config, lib, styles, testing)
// A feature may not import another feature, and nothing below `app/` may
// import `app/`; shared code may not import features.
import path from 'node:path';

const SRC = path.resolve(import.meta.dirname, '..', 'src');

/** @param {string} file */
function locate(file) {
  const rel = path.relative(SRC, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  const [top, feature] = parts;
  // The entry point (src/main.tsx) composes the app like src/app does.
  if (top === 'app' || parts.length === 1) return { layer: 'app' };
  if (top === 'features') return { layer: 'feature', feature };
  return { layer: 'shared' };
}

/** @param {string} fromFile @param {string} spec */
function resolveSpecifier(fromFile, spec) {
  if (spec.startsWith('@/')) return path.join(SRC, spec.slice(2));
  if (spec.startsWith('.')) return path.resolve(path.dirname(fromFile), spec);
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const architectureRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep features independent and dependencies pointing one way' },
    messages: {
      crossFeature:
        'Feature "{{from}}" must not import feature "{{to}}"; compose them in src/app instead.',
      upward: '{{from}} code must not import {{to}} code.',
    },
    schema: [],
  },
  create(context) {
    const from = locate(context.filename);
    if (!from) return {};

    /** @param {import('estree').Node & { source?: unknown }} node */
    function check(node) {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const target = resolveSpecifier(context.filename, source.value);
      const to = target ? locate(target) : null;
      if (!to) return;
      if (from.layer === 'feature' && to.layer === 'feature' && from.feature !== to.feature) {
        context.report({ node, messageId: 'crossFeature', data: { from: from.feature, to: to.feature } });
      } else if (from.layer !== 'app' && to.layer === 'app') {
        context.report({ node, messageId: 'upward', data: { from: from.layer, to: 'app' } });
      } else if (from.layer === 'shared' && to.layer === 'feature') {
        context.report({ node, messageId: 'upward', data: { from: 'shared', to: 'feature' } });
      }
    }

    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
