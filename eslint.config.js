// ESLint flat config. One rule for now (issue 12): functions around 40 lines, so each names one step.
// Syntax only, no type-aware linting: `npm run lint` takes a few seconds.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const MAX_LINES = 40;
const lengthRule = (max) => ['error', { max, skipBlankLines: true, skipComments: true }];

/**
 * The to-do list: functions still over MAX_LINES, per file, each file capped at its longest today so
 * it cannot grow. Split the function, then delete its line here; never raise a cap to make room.
 * [file, cap, what is over MAX_LINES (lines, blank and comment lines not counted)]
 */
const TOO_LONG = [
  ['src/contracts/cli.ts', 53, 'main 53'],
  ['src/contracts/target-file.ts', 42, 'parseTarget 42'],
  ['src/mock/cli.ts', 79, 'main 79'],
  ['src/mock/domain/core.ts', 101, 'createMockCore 101'],
  ['src/mock/fixture-schemas.ts', 41, 'record (the state record schema) 41'],
  ['src/properties/cli.ts', 47, 'main 47'],
  ['src/properties/commands/create.ts', 49, 'CreateCommand.exec 49'],
  ['src/properties/runner.ts', 74, 'runProperties 74'],
];

export default defineConfig(
  {
    files: ['src/**/*.ts'],
    ignores: ['src/types/openapi.ts', 'src/**/*.test.ts'], // openapi.ts is generated (npm run types)
    languageOptions: { parser: tseslint.parser },
    // Registered so the `eslint-disable` comments naming its rules resolve; none of its rules is on.
    plugins: { '@typescript-eslint': tseslint.plugin },
    // Disable comments written for rules not on yet (no-control-regex) are not errors.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: { 'max-lines-per-function': lengthRule(MAX_LINES) },
  },
  ...TOO_LONG.map(([file, cap]) => ({ files: [file], rules: { 'max-lines-per-function': lengthRule(cap) } })),
);
