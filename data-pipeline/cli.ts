#!/usr/bin/env node
/**
 * `npm run pipeline -- [--out DIR] [--check] [--registry FILE] [--input <source-id>=<path>]… [--list]`
 * Rebuilds public/data/ from data-pipeline/sources/. Exit 0 only when published (or checked).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { formatIssue, PipelineError, type RowIssue } from './pipeline-error.ts';
import { loadRegistry } from './registry.ts';
import { registryListing } from './registry-listing.ts';
import { formatRefreshReport } from './report/format-refresh-report.ts';
import { type PipelineResult, runPipeline } from './run-pipeline.ts';
import { MAX_SOURCE_FILE_BYTES } from './source-file-check.ts';

const HELP = `usage: npm run pipeline -- [--out DIR] [--check] [--registry FILE] [--input <source-id>=<path>]… [--list] [--max-rejected 0.01]

  --out DIR        where to publish (default public/data). DIR is replaced as a whole, so it must
                   be absent, empty, or a previous output of this pipeline (its manifest.json says
                   so, and it holds nothing else). Refused: '', the current folder, /, your home
                   folder, the repository, a source folder, or any folder containing one of them.
                   A symbolic link is kept: the folder it points to is swapped. DIR.lock, beside
                   it, stops two runs from publishing there at once.
  --check          validate the sources; publish nothing
  --registry FILE  declare the sources in FILE instead of data-pipeline/sources/registry.json (its
                   files are still found under data-pipeline/sources/, unless --input says where)
  --input ID=PATH  read PATH instead of the registry's file for source ID (a regular file of at
                   most ${MAX_SOURCE_FILE_BYTES / 1024 / 1024} MiB)
  --list           print the registry (<source-id> <table> <file>), then every layout a source may have
  --max-rejected S share of rejected rows (0 to 1) above which a table fails the run`;

/** Issues printed per file: one noisy file must not hide the others'. */
const ISSUES_SHOWN_PER_FILE = 10;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        out: { type: 'string' },
        check: { type: 'boolean', default: false },
        registry: { type: 'string' },
        input: { type: 'string', multiple: true, default: [] },
        list: { type: 'boolean', default: false },
        'max-rejected': { type: 'string', default: '0.01' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`pipeline: ${(error as Error).message}`);
    return 2;
  }
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  const registryFile = args.registry === undefined ? undefined : path.resolve(args.registry);
  if (args.list) {
    for (const line of registryListing(await loadRegistry(registryFile))) console.log(line);
    return 0;
  }
  const inputs = new Map<string, string>();
  for (const spec of args.input) {
    const eq = spec.indexOf('=');
    if (eq <= 0) {
      console.error(`pipeline: --input expects <source-id>=<path>, got "${spec}"`);
      return 2;
    }
    inputs.set(spec.slice(0, eq), path.resolve(spec.slice(eq + 1)));
  }
  const maxRejectedShare = Number(args['max-rejected']);
  if (!(maxRejectedShare >= 0 && maxRejectedShare <= 1)) {
    console.error(`pipeline: --max-rejected expects a share between 0 and 1, got "${args['max-rejected']}"`);
    return 2;
  }

  // A progress bar on a terminal; plain log lines in CI logs and pipes.
  const bar = process.stdout.isTTY ? new SingleBar({ format: '{step} [{bar}] {value}/{total}', clearOnComplete: true, hideCursor: true }) : null;
  const result = await runPipeline({
    outDir: args.out,
    check: args.check,
    registryFile,
    inputs,
    maxRejectedShare,
    log: bar ? () => {} : (l) => console.log(l),
    progress: (step, done, total) => (done === 0 ? bar?.start(total, 0, { step }) : bar?.update(done, { step })),
  }).finally(() => bar?.stop());
  report(result);
  if (result.refreshReport) for (const line of formatRefreshReport(result.refreshReport.report, path.relative(process.cwd(), result.refreshReport.file))) console.log(line);
  console.log(result.published ? 'pipeline: published' : 'pipeline: check passed, nothing published');
  return 0;
}

function report(result: PipelineResult): void {
  printIssues('rejected', result.rejected);
  printIssues('warning', result.warnings);
  console.table(
    result.tables.map((t) => ({ table: t.table, 'rows in': t.rowsIn, kept: t.rowsKept, rejected: t.rejected, warnings: t.warnings, 'rejected by reason': JSON.stringify(t.rejectedByReason) })),
  );
}

function printIssues(kind: string, issues: RowIssue[]): void {
  const byFile = new Map<string, RowIssue[]>();
  for (const issue of issues) {
    const ofFile = byFile.get(issue.location.file) ?? [];
    ofFile.push(issue);
    byFile.set(issue.location.file, ofFile);
  }
  for (const [file, ofFile] of byFile) {
    for (const issue of ofFile.slice(0, ISSUES_SHOWN_PER_FILE)) console.log(`${kind}: ${formatIssue(issue)}`);
    if (ofFile.length > ISSUES_SHOWN_PER_FILE) console.log(`${kind}: … and ${ofFile.length - ISSUES_SHOWN_PER_FILE} more in ${file}`);
  }
}

// Interrupted runs exit through process.exit, so that the output lock is released on 'exit'.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.once(signal, () => {
    console.error(`pipeline: interrupted (${signal}); the next run repairs an unfinished publish`);
    process.exit(code);
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof PipelineError) {
      console.error(`pipeline: error: ${error.message}`);
      console.error('pipeline: nothing published; the previous data is unchanged');
    } else {
      console.error('pipeline: unexpected failure; nothing published', error);
    }
    process.exit(1);
  },
);
