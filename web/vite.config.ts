import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The config lives in web/ but is run from the repo root (`npx vite build --config web/vite.config.ts`),
// so every path is anchored to this file, not to the working directory.
const webDir = fileURLToPath(new URL('.', import.meta.url));
// `npx vite --config web/vite.config.ts` proxies the API to a local `inflow serve`; point it elsewhere
// with INFLOW_DEV_BACKEND=http://127.0.0.1:3999 when that one runs on another port.
const backend = process.env.INFLOW_DEV_BACKEND ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: webDir,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/public': backend,
    },
  },
});
