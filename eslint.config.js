import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-e2e/', 'node_modules/', 'public/', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Layers run one way (docs/architecture.md): domain ← queries ← view-models ← state ← map / ui.
  // A lower layer needing a fact of a higher one gets it moved down into the domain instead.
  ...layer('src/domain/**', ['state', 'ui', 'map', 'queries', 'view-models', 'db', 'export', 'data']),
  ...layer('src/queries/**', ['state', 'ui', 'map', 'view-models', 'db', 'export']),
  ...layer('src/view-models/**', ['state', 'ui', 'map', 'db', 'export']),
  ...layer('src/state/**', ['ui', 'map', 'view-models', 'export']),
);

/** Files matching `files` may not import from the sibling folders `above` of `src/`. */
function layer(files, above) {
  const group = above.flatMap((dir) => [`../${dir}/*`, `../../${dir}/*`]);
  return [{ files: [files], rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message: 'imports run one way: move the fact into src/domain/ (docs/architecture.md)' }] }] } }];
}
