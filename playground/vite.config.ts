import { defineConfig } from 'vite';

// The playground is a static page: `npm run build:playground` writes playground/dist, which works
// from any static host (relative asset paths).
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1024 },
  worker: { format: 'es' },
  server: { fs: { allow: ['..'] } },
});
