// esbuild bundles the stylesheet as text (loader `.css: text`).
declare module '*.css' {
  const text: string;
  export default text;
}
