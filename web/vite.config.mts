import { defineConfig } from 'vite';

// Two pages: the app (index.html) and GraphiQL (graphiql.html), so GraphiQL's editor is
// only ever loaded by the browser that opens /graphql. Vite transforms TSX itself (oxc).
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 5000,
    rollupOptions: {
      input: {
        app: `${import.meta.dirname}/index.html`,
        graphiql: `${import.meta.dirname}/graphiql.html`,
      },
      // GraphiQL's dependencies mark themselves "use client", which means nothing here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/graphql': { target: 'http://127.0.0.1:4000', ws: true },
      '/auth': 'http://127.0.0.1:4000',
    },
  },
});
