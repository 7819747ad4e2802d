import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC instead of esbuild: type-graphql and MikroORM read decorator metadata, which esbuild does not emit.
const require = createRequire(import.meta.url);

export default defineConfig({
  // One graphql instance: Node loads graphql's CommonJS entry for type-graphql, so our code must too
  // (Vite would pick the .mjs build and graphql would reject the mixed types).
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  plugins: [
    swc.vite({
      jsc: {
        target: 'es2023',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      },
    }),
  ],
  test: {
    globalSetup: ['test/harness/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'kairos', include: ['test/**/*.test.ts', 'src/**/*.test.ts'] } },
      // The availability cases again with the process in a zone of +05:45 and no DST: no code may
      // depend on the machine's zone (docs/availability.md).
      { extends: true, test: { name: 'tz-kathmandu', include: ['test/scheduling/availability.test.ts', 'src/modules/scheduling/**/*.test.ts'], env: { TZ: 'Asia/Kathmandu' } } },
    ],
  },
});
