import { defineConfig } from "vite";

// One ES module beside umbraco-package.json; Umbraco's backoffice provides @umbraco-cms/* (and Lit) at run time.
export default defineConfig({
  build: {
    lib: { entry: "src/index.ts", formats: ["es"], fileName: () => "course-umbraco.js" },
    outDir: "../wwwroot/App_Plugins/Course.Umbraco",
    emptyOutDir: false,
    sourcemap: false,
    minify: false,
    rollupOptions: { external: [/^@umbraco/] },
  },
});
