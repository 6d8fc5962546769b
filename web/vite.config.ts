import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';

// The built app is served by the Aware server at `/` with a strict CSP:
// no inline scripts, no data: URIs, nothing from other origins.
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'AWARE_');
  const apiTarget = env.AWARE_API_URL ?? 'http://localhost:3000';
  return {
    plugins: [react()],
    base: '/',
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
    },
    server: {
      proxy: {
        '/api': { target: apiTarget, changeOrigin: false },
      },
    },
  };
});
