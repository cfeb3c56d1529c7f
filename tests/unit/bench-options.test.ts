import { describe, expect, test } from 'vitest';
import { BenchUsageError, parseBenchArgs } from '../../bench/bench-options.ts';

describe('npm run bench flags', () => {
  test('--quick, or nothing for the full bench', () => {
    expect(parseBenchArgs([])).toEqual({ quick: false });
    expect(parseBenchArgs(['--quick'])).toEqual({ quick: true });
  });

  test('a misspelt or unknown flag is refused, not run as the full bench', () => {
    expect(() => parseBenchArgs(['--quik'])).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(['--quick', 'quick'])).toThrow(/unknown argument "quick"/);
  });
});
