// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/**
 * Files that reach tables without TenantRepository (issue 10). One is left, and on
 * purpose: digest delivery claims and marks the rows of up to 50 digests in flight in one
 * statement each, across organizations, by the random digest ids its jobs carry (a
 * credential-like key, as TenantRepository.acrossTenants allows); it uses the manager's
 * query builder. The list only shrinks; new code uses TenantRepository.
 */
const RAW_REPOSITORY_FILES = ['src/reminders/digest-delivery.service.ts'];

/**
 * Rules of certpact's own. `factory-scope-in-one-place`: "a factory manager sees only their
 * own factory" lives in src/common/factory-scope.ts; a role compared with 'factory_manager'
 * anywhere else is that rule written out by hand, which the next feature may forget.
 */
const certpact = {
  rules: {
    'factory-scope-in-one-place': {
      meta: {
        type: 'problem',
        schema: [],
        messages: {
          handWritten:
            'Apply the factory-manager scope through src/common/factory-scope.ts (assertCanSee, canSeeFactory, factoryScope, scopeToFactory, isFactoryManager), not by comparing a role with \'factory_manager\'.',
        },
      },
      create(context) {
        const isRole = (node) =>
          node.type === 'MemberExpression' && !node.computed && node.property.name === 'role';
        const isManager = (node) => node.type === 'Literal' && node.value === 'factory_manager';
        return {
          BinaryExpression(node) {
            if (!['===', '!==', '==', '!='].includes(node.operator)) return;
            if ((isRole(node.left) && isManager(node.right)) || (isManager(node.left) && isRole(node.right)))
              context.report({ node, messageId: 'handWritten' });
          },
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'eslint.config.mjs', 'jest.config.js', 'web/src/api/schema.d.ts'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: [
      'src/common/factory-scope.ts',
      'src/**/*.spec.ts',
      // Who receives a factory's notices (its managers), not what an actor sees; the scan's
      // recipients are being rewritten (issue 13).
      'src/reminders/reminder-scan.service.ts',
    ],
    plugins: { certpact },
    rules: { 'certpact/factory-scope-in-one-place': 'error' },
  },
  {
    // Tenancy in one place: features reach their tables through TenantRepository
    // (src/common/tenancy.ts), which refuses a missing organization id.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/database/**', 'src/common/tenancy.ts', 'src/**/*.spec.ts', ...RAW_REPOSITORY_FILES],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='getRepository']",
          message:
            'Reach a table through your feature’s TenantRepository (src/common/tenancy.ts), which applies the organization scope; getRepository() is for src/database/ and tenancy.ts only.',
        },
      ],
    },
  },
);
