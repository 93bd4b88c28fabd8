// Two projects: unit tests sit beside their files and need nothing; integration tests under
// test/ need the real local Elasticsearch, which globalSetup starts unless ES_URL is set.
const transform = { '^.+\\.tsx?$': ['ts-jest', {}] };

/** @type {import('jest').Config} */
module.exports = {
  // Integration tests talk to a real node; give slow CI machines room.
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      transform,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/{common,server,public,ingest-lambda,dev}/**/*.test.ts'],
    },
    {
      // React components under jsdom; uuid (via EUI) ships ESM only, hence the shim.
      displayName: 'components',
      transform,
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/{public,dev/app_shell}/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/public/test_helpers/jest_setup.ts'],
      moduleNameMapper: {
        '^uuid$': '<rootDir>/public/test_helpers/uuid_shim.js',
        // For tests that load public/plugin.ts (its one runtime import from Kibana).
        '^@kbn/core/public$': '<rootDir>/test/doubles/modules/kbn_core_public.ts',
      },
    },
    {
      displayName: 'integration',
      transform,
      // Declared on this project, so runs of unit or component tests alone start no node.
      globalSetup: '<rootDir>/test/global_setup.ts',
      globalTeardown: '<rootDir>/test/global_teardown.ts',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.test.ts?(x)'],
      // The Kibana modules the server plugin imports at runtime, for the plugin-in-Kibana tests.
      moduleNameMapper: {
        '^@kbn/core/server$': '<rootDir>/test/doubles/modules/kbn_core_server.ts',
        '^@kbn/es-query$': '<rootDir>/test/doubles/modules/kbn_es_query.ts',
        // The same parser, published on npm under its older name.
        '^@kbn/datemath$': '@elastic/datemath',
      },
    },
  ],
};
