import { access, lstat, realpath } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PipelineError } from './pipeline-error.ts';
import { inspectOutputFolder } from './pipeline-output.ts';

/** Folders that publishing must never replace, contain or (for `inside`) write into. */
export interface ProtectedFolders {
  repoRoot: string;
  /** Folders the pipeline reads its sources from: never replaced, never written into. */
  sourceDirs: readonly string[];
  cwd?: string;
  home?: string;
  /** The run reads a synthetic source (registry `synthetic`): `public/` is refused as well. */
  synthetic?: boolean;
}

const HINT = 'give an absent or empty folder, or a previous output of this pipeline';

/**
 * Resolves `--out` to the folder the publish will swap, or refuses with a `PipelineError` that
 * names the folder and the reason. Publishing replaces the folder as a whole, so it is accepted
 * only when absent, empty, or a previous output (`inspectOutputFolder`), and never when it is,
 * or contains, the file system root, the home folder, the current folder, the repository or a
 * source folder. A symbolic link is followed: the folder it points to is the one checked and
 * swapped, and the link itself stays.
 */
export async function resolveOutputDir(raw: string, folders: ProtectedFolders): Promise<string> {
  const refuse = (folder: string, reason: string) => new PipelineError({ file: '--out', value: raw }, `refused: ${folder}: ${reason}; ${HINT}`);
  const cwd = folders.cwd ?? process.cwd();
  if (raw.trim() === '') throw refuse(cwd, 'an empty path means the current folder, which publishing would replace');

  const given = path.resolve(cwd, raw);
  const link = await lstat(given).then((s) => s.isSymbolicLink(), () => false);
  const target = link ? await realpath(given).catch(() => null) : await realPathOf(given);
  if (target === null) throw refuse(given, 'it is a symbolic link to a folder that does not exist');
  const shown = link ? `${given} (a link to ${target})` : given;

  const reasons = await protectedReasons(target, { ...folders, cwd });
  if (reasons.length > 0) throw refuse(shown, reasons.join(', and '));
  for (const marker of ['.git', 'package.json']) {
    if (await access(path.join(target, marker)).then(() => true, () => false)) throw refuse(shown, `it holds ${marker}: a project folder, not an output`);
  }
  const found = await inspectOutputFolder(target);
  if (found.kind === 'foreign') throw refuse(shown, found.reason);
  return target;
}

async function protectedReasons(target: string, folders: ProtectedFolders & { cwd: string }): Promise<string[]> {
  const named: [string, string, 'whole' | 'inside'][] = [
    [path.parse(target).root, 'the file system root', 'whole'],
    [folders.home ?? os.homedir(), 'your home folder', 'whole'],
    [folders.cwd, 'the current folder', 'whole'],
    [folders.repoRoot, 'the repository root', 'whole'],
    [path.join(folders.repoRoot, '.git'), 'the repository’s .git folder', 'inside'],
    [path.join(folders.repoRoot, 'node_modules'), 'the installed packages (node_modules)', 'inside'],
    ...folders.sourceDirs.map((d): [string, string, 'inside'] => [d, `the source folder ${path.relative(folders.repoRoot, d) || d}`, 'inside']),
    ...(folders.synthetic === true ? [[path.join(folders.repoRoot, 'public'), 'public/, where synthetic data never go (a registry source is "synthetic")', 'inside'] as [string, string, 'inside']] : []),
  ];
  const is: string[] = [];
  const near: string[] = [];
  for (const [folder, label, scope] of named) {
    const real = await realPathOf(path.resolve(folder));
    if (real === target) is.push(`it is ${label}`);
    else if (isInside(real, target)) near.push(`it contains ${label}`);
    else if (scope === 'inside' && isInside(target, real)) near.push(`it is inside ${label}`);
  }
  // What the folder is says it all; otherwise the first folder it contains or lies in.
  return is.length > 0 ? is : near.slice(0, 1);
}

/** True when `inner` lies strictly below `outer`. */
export function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel !== '' && rel.split(path.sep)[0] !== '..' && !path.isAbsolute(rel);
}

/** The real path of `p`, following links in its existing part; the missing tail is kept as given. */
export async function realPathOf(p: string): Promise<string> {
  const missing: string[] = [];
  let existing = p;
  for (;;) {
    try {
      return path.join(await realpath(existing), ...missing);
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return p;
      missing.unshift(path.basename(existing));
      existing = parent;
    }
  }
}
