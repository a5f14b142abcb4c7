import js from '@eslint/js'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * Who may import whom (see ARCHITECTURE.md §1). Each package folder lists the workspace packages it
 * must not import; deep imports into another package's src are refused everywhere.
 */
const plugins = ['@simops/carrier-onelink', '@simops/carrier-ctwing', '@simops/carrier-unicom']
const deepImports = {
  group: ['@simops/*/src', '@simops/*/src/**'],
  message: 'Import only what a package exports.',
}

function forbid(files, names, extraPatterns = []) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: names.map((name) => ({
            name,
            message: 'This import breaks the dependency direction (ARCHITECTURE.md §1).',
          })),
          patterns: [deepImports, ...extraPatterns],
        },
      ],
    },
  }
}

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      '**/test-results/**',
      '**/*.d.ts',
      '.simops/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Formatting belongs to Prettier.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  {
    files: ['apps/console/**/*.{ts,vue}'],
    ignores: ['apps/console/e2e/**', 'apps/console/*.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  forbid(
    ['plugins/**'],
    ['@simops/core', '@simops/api', '@simops/api-client', '@simops/console', ...plugins],
  ),
  forbid(
    ['packages/carrier-sdk/**'],
    ['@simops/core', '@simops/api', '@simops/api-client', '@simops/console', ...plugins],
  ),
  forbid(
    ['packages/core/**'],
    ['@simops/api', '@simops/api-client', '@simops/console', ...plugins, 'fastify', 'vue'],
    [
      {
        group: ['fastify', '@fastify/*', 'vue', 'element-plus'],
        message: 'Core knows nothing of HTTP or the UI.',
      },
    ],
  ),
  forbid(['apps/api/**'], ['@simops/api-client', '@simops/console', ...plugins]),
  forbid(
    ['apps/console/src/**'],
    ['@simops/core', '@simops/api', '@simops/carrier-sdk', ...plugins, 'openapi-fetch'],
    [
      {
        group: ['fastify', 'pg', 'kysely'],
        message: 'The console sees the server only through @simops/api-client.',
      },
    ],
  ),
  {
    // Core receives its configuration; only tests may read the environment.
    files: ['packages/core/src/**', 'packages/core/migrations/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Core never reads process.env; take configuration as a parameter.',
        },
      ],
    },
  },
  {
    files: ['packages/core/migrations/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../src/**', '@simops/*'], message: 'Migrations never import application code.' },
          ],
        },
      ],
    },
  },
)
