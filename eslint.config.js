// Lint enforces the architecture: imports flow app → features → (components, lib) → domain, with no cycles.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import checkFile from 'eslint-plugin-check-file';

const layer = (target, from, message) => ({ target, from, message });

/**
 * Feature tiers. The base tier holds what every screen needs (the conversation, the endpoint, the
 * run engine); widgets build on it and never on each other; app/ composes widgets (with slots
 * where one shows inside another). import-x/no-cycle keeps the base tier itself acyclic.
 */
const BASE = ['conversations', 'endpoints', 'generation'];
const WIDGETS = ['editor', 'meter', 'compare', 'share', 'parameters', 'library', 'workspace', 'grid'];
// A feature folder outside both lists would escape the rules: say so instead.
for (const dir of readdirSync(new URL('./src/features', import.meta.url))) {
  if (!BASE.includes(dir) && !WIDGETS.includes(dir))
    throw new Error(`eslint.config.js: put the feature "${dir}" in a tier (BASE or WIDGETS)`);
}
const featureTiers = [
  ...BASE.flatMap((base) =>
    WIDGETS.map((widget) =>
      layer(`./src/features/${base}`, `./src/features/${widget}`, `the base tier (${base}) must not import a widget`),
    ),
  ),
  ...WIDGETS.flatMap((widget) =>
    WIDGETS.filter((other) => other !== widget).map((other) =>
      layer(
        `./src/features/${widget}`,
        `./src/features/${other}`,
        `widgets never import each other: compose ${widget} and ${other} in app/`,
      ),
    ),
  ),
];
const NETWORK = 'Network access lives in src/lib/openai only.';
const WEB_STORAGE = 'Web Storage lives in src/lib/storage only.';
const STORAGE_KEY = 'Web Storage keys are named in src/lib/storage/keys.ts only.';

/** The global and property bans on fetch and on Web Storage (and `pg.` key literals), as one set of rules. */
function restrictedAccess({ fetch, webStorage, tables }) {
  const globals = [
    ...(fetch ? [{ name: 'fetch', message: NETWORK }] : []),
    ...(webStorage ? ['localStorage', 'sessionStorage'].map((name) => ({ name, message: WEB_STORAGE })) : []),
  ];
  const properties = ['globalThis', 'window', 'self'].flatMap((object) => [
    ...(fetch ? [{ object, property: 'fetch', message: NETWORK }] : []),
    ...(webStorage ? ['localStorage', 'sessionStorage'].map((property) => ({ object, property, message: WEB_STORAGE })) : []),
  ]);
  const syntax = [
    ...(webStorage
      ? [
          { selector: 'Literal[value=/^pg\\./]', message: STORAGE_KEY },
          { selector: 'TemplateElement[value.raw=/^pg\\./]', message: STORAGE_KEY },
        ]
      : []),
    // Not through the loaded repositories either: no table or live query by hand, only repository functions.
    ...(tables
      ? [
          {
            selector: 'MemberExpression[property.name=/^(db|liveQuery)$/], ObjectPattern > Property[key.name=/^(db|liveQuery)$/]',
            message: 'Tables and live queries stay in src/lib/db: add a repository function (and follow() for live reads).',
          },
        ]
      : []),
  ];
  return {
    'no-restricted-globals': ['error', ...globals],
    'no-restricted-properties': ['error', ...properties],
    'no-restricted-syntax': ['error', ...syntax],
  };
}

export default tseslint.config(
  { ignores: ['dist', '.e2e-dist', 'node_modules', 'test-results', 'playwright-report', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      // Without a parser for .ts files import-x cannot read their imports, and no-cycle sees no graph.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // With verbatimModuleSyntax, `import { type X }` still loads the module: a lazy one must stay lazy.
      '@typescript-eslint/no-import-type-side-effects': 'error',
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            layer('./src/domain', './src/lib', 'domain is pure: it imports nothing from lib'),
            layer('./src/domain', './src/features', 'domain must not import features'),
            layer('./src/domain', './src/components', 'domain must not import components'),
            layer('./src/domain', './src/app', 'domain must not import app'),
            layer('./src/lib', './src/features', 'lib must not import features'),
            layer('./src/lib', './src/components', 'lib must not import components'),
            layer('./src/lib', './src/app', 'lib must not import app'),
            layer('./src/components', './src/features', 'ui primitives must not import features'),
            layer('./src/components', './src/app', 'ui primitives must not import app'),
            layer('./src/components', './src/lib', 'ui primitives are presentational: no lib'),
            layer('./src/features', './src/app', 'features must not import the composition root'),
            layer('./src', './server', 'the app does not import the reference server'),
            ...featureTiers,
          ],
        },
      ],
    },
  },
  {
    // The first screen paints before the database library loads (see src/lib/db/repo.ts): outside
    // lib/db, storage is reached through the repo facade, the start-up reader and the health state.
    files: ['src/**/*.{ts,tsx}'],
    // Unit tests run the real repositories on fake-indexeddb.
    ignores: ['src/lib/db/**', 'src/**/*.test.ts', 'src/**/*test-support.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['dexie', 'dexie-*', '**/db/*', '!**/db/repo', '!**/db/boot-read', '!**/db/storage-health', '!**/db/names'],
              allowTypeImports: true,
              message: 'Reach storage through lib/db/repo: Dexie must stay out of the first screen.',
            },
          ],
        },
      ],
    },
  },
  {
    // What the first screen loads from lib/db must not pull the database library in.
    files: ['src/lib/db/{repo,boot-read,storage-health,names,native-reads,stale-edit,version-tracker}.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['dexie', 'dexie-*', './*', '!./names', '!./native-reads', '!./stale-edit', '!./storage-health', '!./version-tracker'],
              allowTypeImports: true,
              message: 'This module loads with the first screen: no Dexie, and no module that imports it.',
            },
          ],
        },
      ],
    },
  },
  // Only src/lib/openai may talk to the network; Web Storage is reached through src/lib/storage only
  // (one registry of keys, one safe JSON helper), and only lib/storage spells a `pg.` storage key.
  // A later block's options replace an earlier one's for the same rule, so each group of files
  // gets one block with every ban that applies to it.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/lib/openai/**', 'src/lib/storage/**', 'src/lib/db/**', 'src/**/*.test.ts'],
    rules: restrictedAccess({ fetch: true, webStorage: true, tables: true }),
  },
  {
    files: ['src/lib/db/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.ts'],
    rules: restrictedAccess({ fetch: true, webStorage: true, tables: false }),
  },
  {
    files: ['src/lib/openai/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.ts'],
    rules: restrictedAccess({ fetch: false, webStorage: true, tables: true }),
  },
  {
    files: ['src/lib/storage/**/*.{ts,tsx}', 'src/**/*.test.ts'],
    ignores: ['src/lib/openai/**'],
    rules: restrictedAccess({ fetch: true, webStorage: false, tables: false }),
  },
  {
    // File names: components (and their tests) in PascalCase, every other module in kebab-case.
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': [
        'error',
        // A .tsx module that holds several small pieces (icons, controls) is named like a .ts one.
        { '**/*.tsx': '@(+([A-Z])*([a-zA-Z0-9])|+([a-z0-9])*(-+([a-z0-9])))', '**/*.ts': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
    },
  },
  {
    // The server, benchmark and tests are command-line programs: printing is their job.
    files: ['server/**', 'bench/**', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Services (plain modules) tell the person things through lib/notify; toasts are the shell's view of it.
    files: ['src/features/**/*.ts', 'src/lib/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/components/ui/toast'], message: 'Notify through src/lib/notify (the app connects it to toasts).' }] },
      ],
    },
  },
  // Formatting belongs to Prettier (`npm run format`; `npm run lint` checks it).
  prettier,
);
