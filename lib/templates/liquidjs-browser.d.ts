/**
 * LiquidJS's browser build is the same engine as its Node build without the file system loader: it
 * imports no `fs`, `path`, `stream` or `crypto`. ecrm loads templates only from memory, so that is all
 * it needs, and importing it costs a third of the Node build (bench/bundles.ts). Its types are the package's.
 */
declare module 'liquidjs/dist/liquid.browser.mjs' {
  export * from 'liquidjs';
}
