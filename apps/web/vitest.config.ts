import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The browser suite starts Chromium, workerd and two servers once, then walks the page.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
