// Run before the app's modules (a classic script in index.html): zod 4 otherwise compiles its
// object parsers with `new Function`, and probes for it with a caught `new Function("")` that
// the CSP still reports, as soon as a schema is defined. zod reads its settings from this global
// (node_modules/zod/v4/core/core.js), so it holds whichever chunk evaluates zod first.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
