/**
 * The app's Content-Security-Policy, declared once: the build writes it into index.html as a
 * `<meta http-equiv>` (any static host applies it), `vite preview` sends it as a header with
 * every file (workers included) and adds `frame-ancestors`, which a `<meta>` cannot carry.
 * docs/architecture.md says why each source is allowed; the e2e tests fail on any violation.
 */
/**
 * sha256 of the `<style>` elements libraries insert, whose text is fixed. An upgrade that
 * changes one shows as a CSP violation in the e2e tests.
 */
const INLINE_STYLE_HASHES = [
  // Observable Plot 0.6, in every chart: `:where(.plot-d6a7b5) { --plot-background: white; …`
  // (node_modules/@observablehq/plot/src/plot.js, default class name).
  'sha256-jSYQUrW7J0b3jPqhZP9C2Xh1PyJKHKXd4s0fpGGKrww=',
  // react-dsfr's `startReactDsfr`: `:root { color-scheme: light; }`, and its dark twin.
  'sha256-HzhUjVBe6Oi2wcxUM7bmy2Rp9VdLMHYDdYr9MalNmOY=',
  'sha256-xVQ4mcypV0CvOtZpQgVcKpcoNvdUkR9BrwZBrtBbU+w=',
];

export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  // DuckDB's worker compiles its wasm (WebAssembly.instantiate): 'wasm-unsafe-eval' allows that
  // and nothing else; no 'unsafe-eval', no inline script.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // DuckDB's worker and MapLibre's (its CSP build, `setWorkerUrl`): our own files, no blob:.
  'worker-src': ["'self'"],
  // The Arrow files, the manifest and the wasm; data: because deck.gl fetches the SVG icon
  // atlases the app writes as data: URLs (a data: URL reads only its own text, it sends nothing).
  'connect-src': ["'self'", 'data:'],
  // data: the SVG icons the stylesheets carry inline (DSFR icons Vite inlines, MapLibre's
  // controls) and deck.gl's icon atlases;
  // blob: the map image of the territory report (a PNG made in the page).
  'img-src': ["'self'", 'data:', 'blob:'],
  // Three fixed <style> texts that libraries insert, each allowed by its hash; no 'unsafe-inline'.
  'style-src': ["'self'", ...INLINE_STYLE_HASHES.map((h) => `'${h}'`)],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** Only in a header: browsers ignore (and log) `frame-ancestors` in a `<meta>`. */
export const CSP_HEADER_ONLY: Readonly<Record<string, readonly string[]>> = {
  'frame-ancestors': ["'none'"],
};

export function serializeCsp(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

