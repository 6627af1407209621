/**
 * The architecture of certpact as rules that `npm test` checks (`npm run lint:deps`).
 * docs/architecture.md explains them; keep the two in step.
 *
 * A feature is a folder `src/<feature>/`. Cross-cutting folders (`common`, `config`,
 * `database`, `queue`, `mail`, `observability`) are not features: any feature may use
 * them, they use no feature. A feature uses another feature only through that feature's public files:
 *   - `<feature>.module.ts`      (to import the Nest module)
 *   - `*.service.ts`             (the exported services; top level of the folder)
 *   - `*.errors.ts`              (its domain errors and their codes)
 *   - `dto/**`                   (request and response shapes)
 *   - the contract files listed in PUBLIC_CONTRACTS below (types and tokens that other
 *     features implement or read, with no behaviour of their own)
 * Everything else (entities, repositories, rules, helpers, controllers) is internal.
 */

/** Folders that are not features: cross-cutting code every feature may use. */
const SHARED = '^src/(common|config|database|queue|mail|observability)/';

/** Files of a feature, other than modules, services, errors and DTOs, that other features may import. */
const PUBLIC_CONTRACTS = [
  // Tokens and types by which agreements and verification add to certificate answers.
  '^src/certificates/certificate-links[.]ts$',
  // Certificate statuses and which of them count: plain values, no framework.
  '^src/certificates/certificate-status[.]ts$',
  // The @ReminderSource() contract every feature's reminder kind implements.
  '^src/reminders/reminder-source[.]ts$',
  // The reminder policy in force and how far ahead it looks: scope gaps look as far.
  '^src/reminders/reminder-policy[.]ts$',
  // Who hears of what: calendar feeds hold the dates of the same colleagues.
  '^src/reminders/reminder-recipients[.]ts$',
  // The upload decorator shared by the two document upload routes.
  '^src/documents/document-upload[.]ts$',
];

const ENTITY = '[.]entity[.]ts$';

const PUBLIC = [
  '^src/[^/]+/[^/]+[.]module[.]ts$',
  '^src/[^/]+/[^/]+[.]service[.]ts$',
  '^src/[^/]+/[^/]+[.]errors[.]ts$',
  '^src/[^/]+/dto/',
  ...PUBLIC_CONTRACTS,
];

/**
 * Business rules as pure functions: tested without Nest or a database, so they load no
 * framework at run time (a type-only import of the feature's own entity is erased).
 */
const PURE = [
  '[.]rules[.]ts$',
  '^src/common/dates[.]ts$',
  '^src/agreements/(agreement-transitions|at-risk|milestone-reminders|plan-schedule)[.]ts$',
  '^src/documents/(document-type|duplicate-documents)[.]ts$',
  '^src/factories/uscc[.]ts$',
  '^src/gaps/(gap-episodes|production-wording)[.]ts$',
  '^src/reminders/(reminder-due|reminder-recipients|reminder-quiet)[.]ts$',
  '^src/reminders/digest/digest[.]render[.]ts$',
  '^src/verification/(verification-due|verification-state)[.]ts$',
  '^src/verification/signals/(iaf-mla|surveillance-clock)[.]ts$',
  '^src/certificates/certificate-status[.]ts$',
];

const FRAMEWORK =
  '(^|/)node_modules/(@nestjs/|typeorm/|bullmq/|class-validator/|class-transformer/|ioredis/)';

/**
 * Temporary exceptions, each to be removed by the change named beside it. Keep this list
 * short and every entry commented.
 */
const TEMPORARY_EXCEPTIONS = [];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Features form a directed graph: a cycle means two features are one, or a contract is in the wrong place (move it to the feature that is used).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-feature-cycles',
      severity: 'error',
      scope: 'folder',
      comment:
        'No cycle between feature folders either (auth → users → auth): the feature that is used must not use its user back. Invert with a contract in the used feature, or move the code. Folders inside one feature (dto/, signals/) may use each other.',
      from: { path: '^src/[^/]+$' },
      to: { circular: true },
    },
    {
      name: 'feature-internals',
      severity: 'error',
      comment:
        "A feature uses another feature only through its module, exported services, errors, DTOs and listed contract files; never its entities, repositories or helpers (so it never reads or writes the other feature's tables).",
      from: { path: '^src/([^/]+)/', pathNot: TEMPORARY_EXCEPTIONS.map((e) => e.from) },
      to: {
        path: '^src/[^/]+/',
        pathNot: ['^src/$1/', SHARED, ...PUBLIC, ENTITY],
      },
    },
    {
      name: 'entities-of-others-as-types-only',
      severity: 'error',
      comment:
        "Another feature's entity may be named as a type (what its service returns), never imported as a value: a value is what getRepository() and the query builder need to reach its table.",
      from: { path: '^src/([^/]+)/', pathNot: TEMPORARY_EXCEPTIONS.map((e) => e.from) },
      to: {
        path: ENTITY,
        pathNot: ['^src/$1/', SHARED],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'shared-uses-no-feature',
      severity: 'error',
      comment:
        'common, config, database, queue, mail and observability are below every feature: they import none.',
      from: { path: SHARED },
      to: { path: '^src/', pathNot: SHARED },
    },
    {
      name: 'pure-rules-no-framework',
      severity: 'error',
      comment:
        'Rule files are pure functions of plain values: no Nest, TypeORM, BullMQ or class-validator.',
      from: { path: PURE },
      to: { path: FRAMEWORK },
    },
    {
      name: 'pure-rules-only-types-of-the-rest',
      severity: 'error',
      comment:
        'A rule file may import types from entities and services (erased at compile time) but no code that loads the framework.',
      from: { path: PURE },
      to: {
        path: '[.](entity|service|module|controller|processor)[.]ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'migrations-import-only-typeorm',
      severity: 'error',
      comment:
        'A migration is frozen once released: it imports nothing but typeorm, so no later edit of a helper in src/ changes what it does.',
      from: { path: '^migrations/' },
      to: { pathNot: '(^|/)node_modules/typeorm/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '[.]spec[.]ts$' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
    },
  },
};
