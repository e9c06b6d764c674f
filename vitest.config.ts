import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import the code under test as `@src/...` (the same alias as tsconfig.base.json's `paths`).
const src = fileURLToPath(new URL('./src', import.meta.url));

export default defineConfig({
  resolve: { alias: { '@src': src } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          expect: { poll: { timeout: 15_000 } },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          // Generous: every wait inside returns at its event; these only stop a hung test.
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // A poll returns at its first success; its default deadline must outlast a busy machine.
          expect: { poll: { timeout: 30_000 } },
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'electron',
          include: ['tests/electron/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
    ],
  },
});
