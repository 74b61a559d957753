import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes `.br` and `.gz` beside every text asset of the build, once, at maximum compression (issue 12: a commune
 * officer on a slow mobile connection); the server sends them by Accept-Encoding without compressing per request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'dx-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(outDir)) {
        if (!/\.(js|mjs|css|html|svg|json|txt|map)$/.test(file)) continue;
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/** The domain rules and schemas (zod) that some screens use; not the zod-free entry points the first screen imports. */
const domainModule = (id: string) =>
  /[\\/]node_modules[\\/]zod[\\/]/.test(id) ||
  (/[\\/]packages[\\/](domain|contracts)[\\/]src[\\/]/.test(id) && !/[\\/](calendar|paths)\.ts$/.test(id));

/**
 * Few, purposeful chunks (issue 12: the dashboard's first load needs ≤ 300 KB of compressed JS and ≤ 12 requests;
 * bench/first-load.ts measures it). Left to itself the bundler makes a chunk for every distinct set of screens
 * sharing a module — 70 files, 40 requests for the dashboard, each a round trip on a commune's mobile connection.
 * Instead:
 *   - `index`: everything the entry needs statically (React, router, query, i18n, Mantine's core, the shell,
 *     sign-in) in the entry chunk itself;
 *   - `domain`: the domain rules and zod, only for the screens that validate or lay out documents (plans, records,
 *     budget, reports…), not for the dashboard or sign-in;
 *   - `shared`: whatever two or more screens share beyond that (Mantine's other components, lib/, api/, locales/);
 *   - one chunk per screen for what only that screen uses (the routes are lazy, apps/web/src/app/routes.tsx).
 */
const codeSplitting = {
  groups: [
    { name: 'index', tags: ['$initial' as const], priority: 3 },
    { name: 'domain', test: domainModule, minShareCount: 2, priority: 2 },
    { name: 'shared', minShareCount: 2, priority: 1 },
  ],
};

export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: { output: { codeSplitting } },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
