/** What `npm run bench -- <flags>` asks for. */
export interface BenchOptions {
  /** Cold loads and three brush sweeps on the embedded data only: a check of a change in under 5 minutes. */
  quick: boolean;
}

export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

const USAGE = 'usage: npm run bench [-- --quick]';

/** The bench's command-line flags; anything else is refused rather than running the 20-minute bench it did not ask for. */
export function parseBenchArgs(args: readonly string[]): BenchOptions {
  const options: BenchOptions = { quick: false };
  for (const arg of args) {
    if (arg === '--quick') options.quick = true;
    else throw new BenchUsageError(`unknown argument "${arg}" (${USAGE})`);
  }
  return options;
}
