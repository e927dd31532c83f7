import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  // scratch: unminified
  main: {
    build: {
      rollupOptions: {
        // The browser-mode server is built beside the Electron main process: same backend, no electron import.
        input: {
          index: resolve('src/main/index.ts'),
          server: resolve('src/server/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can only require electron: bundle everything else, as CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve("src/renderer/index.html") } }, minify: false,
    },
    plugins: [svelte({ configFile: resolve('svelte.config.js') })],
  },
});
