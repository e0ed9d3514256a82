import { defineConfig } from 'vite';
// @ts-expect-error: a plain ES module of the build scripts, without types
import { viteChevrotainStubs } from '../scripts/bundle-plugins.mjs';

// The playground is a static page: `npm run build:playground` writes playground/dist, which works
// from any static host (relative asset paths).
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: './',
  // Chevrotain's Lexer and grammar checks stay out of the page, as out of the core bundle.
  plugins: [viteChevrotainStubs],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1024 },
  worker: { format: 'es', plugins: () => [viteChevrotainStubs] },
  server: { fs: { allow: ['..'] } },
});
