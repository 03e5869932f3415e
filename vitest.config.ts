import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    // Tests own the network: nothing leaves the machine, and every mock must be consumed.
    restoreMocks: true,
    unstubEnvs: true,
    testTimeout: 20_000,
  },
});
