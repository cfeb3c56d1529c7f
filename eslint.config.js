import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-e2e/', 'node_modules/', 'public/', 'bench/results.json', 'bench/results-quick.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The rules of hooks; a dependency left out of an effect is an error unless a comment says why.
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // Layers run one way (docs/architecture.md): domain ← queries ← view-models ← state ← map / ui.
  // A lower layer needing a fact of a higher one gets it moved down into the domain instead.
  ...layer('src/domain/**', ['state', 'ui', 'map', 'queries', 'view-models', 'db', 'export', 'data']),
  ...layer('src/queries/**', ['state', 'ui', 'map', 'view-models', 'db', 'export']),
  ...layer('src/view-models/**', ['state', 'ui', 'map', 'db', 'export']),
  ...layer('src/state/**', ['ui', 'map', 'view-models', 'export']),
  // The database tells whoever subscribes how it is doing (coordinator.ts): it knows no store nor view.
  ...layer('src/db/**', ['state', 'ui', 'map', 'view-models', 'export']),
  // The map draws what the views decide: it reads no view.
  ...layer('src/map/**', ['ui']),
);

/** Files matching `files` may not import from the sibling folders `above` of `src/`. */
function layer(files, above) {
  const group = above.flatMap((dir) => [`../${dir}/*`, `../../${dir}/*`]);
  return [{ files: [files], rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message: 'imports run one way: move the fact into src/domain/ (docs/architecture.md)' }] }] } }];
}
