/** Vite build of the web app: root web/, output web/dist, /api proxied to the server in development. */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  // @contracts: the API's shared types and words (server/src/contracts), one source for both sides.
  resolve: { alias: { '@': `${root}src`, '@contracts': `${root}../server/src/contracts` } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    // React and echarts in their own long-cached chunks (echarts loads with the dashboard only);
    // antd stays split by route, so a phone's first screen does not load every component.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
  },
  // `npm run dev:web` next to `npx huimin serve`; HUIMIN_API_URL points elsewhere when 3000 is taken.
  server: {
    proxy: { '/api': process.env.HUIMIN_API_URL ?? 'http://localhost:3000' },
  },
  preview: {
    proxy: { '/api': process.env.HUIMIN_API_URL ?? 'http://localhost:3000' },
  },
});
