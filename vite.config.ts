import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { sourceDataOnce } from './src/build/sourceDataOnce.ts';
import { contentSecurityPolicy, customMedia, dataFolder, glyphs } from './src/build/vitePlugins.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  base: './',
  plugins: [sourceDataOnce(), customMedia(), svelte(), glyphs(root), dataFolder(root), contentSecurityPolicy()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // The video muxer's chunk says what it is (its own entry is src/index.js): a test checks it is not
        // fetched before the first video export.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => id.includes('/node_modules/mediabunny/'))
            ? 'assets/mediabunny-[hash].js'
            : 'assets/[name]-[hash].js',
      },
    },
  },
  // An embed runs in a sandboxed iframe (allow-scripts only), whose origin is
  // "null": every request it makes is cross-origin. Hosts of the built site
  // must send the same header.
  server: { headers: { 'Access-Control-Allow-Origin': '*' } },
  preview: { headers: { 'Access-Control-Allow-Origin': '*' } },
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // Two files at a time, even on two cores (Vitest's default there is one): a browser test spends much of its
    // time waiting on Chromium and its preview server, and the engine tests fill those waits.
    maxWorkers: 2,
  },
});
