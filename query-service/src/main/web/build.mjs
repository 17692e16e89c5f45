// Bundles the page into the jar's static files (Maven passes the output folder): one script, one stylesheet, the
// HTML. Everything the page loads comes from the service itself; nothing is fetched from elsewhere at run time.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

const out = process.argv[2] ?? 'dist';
await mkdir(out, { recursive: true });
await build({
  entryPoints: { page: 'src/main.js' },
  bundle: true,
  minify: true,
  // a classic script, not a module: vis-timeline's Graph2d assigns an undeclared variable, an error in a module's
  // strict mode
  format: 'iife',
  target: 'es2020',
  legalComments: 'linked',
  outdir: out,
  logLevel: 'warning',
});
await copyFile('src/index.html', join(out, 'index.html'));
