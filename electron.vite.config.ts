import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = dirname(fileURLToPath(import.meta.url));

// Three bundles: main (the Electron shell and, as a second entry, the headless `linewatch` CLI
// sharing the same services), the sandboxed preload (CommonJS, dependencies bundled because a
// sandboxed preload cannot require node_modules), and the renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The demo's OPC UA server library is loaded at run time from node_modules (it reads its own
      // package.json, so it cannot be bundled), whether or not it is listed under dependencies.
      externalizeDeps: { include: ['node-opcua-server'] },
      rollupOptions: {
        input: {
          index: resolve(root, 'src/main/electron/main.ts'),
          cli: resolve(root, 'src/main/cli/cli-main.ts'),
          bench: resolve(root, 'src/main/bench/bench-main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: { index: resolve(root, 'src/renderer/index.html') } },
    },
  },
});
