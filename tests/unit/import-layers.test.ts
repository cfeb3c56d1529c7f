import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/published-data.ts';

/** What `npm run lint` says of `code` written at `file` (a path of src/ that need not exist). */
async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: REPO_ROOT }).lintText(code, { filePath: `${REPO_ROOT}/${file}` });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('imports run one way (eslint.config.js, docs/architecture.md)', () => {
  it.each([
    ['src/domain/zz.ts', "import { useAppStore } from '../state/store.ts';"],
    ['src/queries/zz.ts', "import { DIMENSIONS } from '../ui/cross-filter/use-cross-filter.ts';"],
    ['src/view-models/zz.ts', "import { useSql } from '../db/use-sql.ts';"],
    ['src/state/zz.ts', "import { MapView } from '../map/map-view.tsx';"],
    ['src/db/zz.ts', "import { useAppStore } from '../state/store.ts';"],
    ['src/map/zz.ts', "import { CrossFilterPanel } from '../ui/cross-filter/cross-filter-panel.tsx';"],
  ])('refuses %s importing from a layer above: %s', async (file, code) => {
    expect(await lint(file, `${code}\nexport const x = 1;\n`)).toContainEqual(expect.stringMatching(/^no-restricted-imports: .*imports run one way/));
  });

  it('lets a layer import from below it', async () => {
    expect(await lint('src/state/zz.ts', "import { DIMENSIONS } from '../queries/cross-filter-dimensions.ts';\nexport const x = DIMENSIONS;\n")).toEqual([]);
    expect(await lint('src/ui/zz.ts', "import { useAppStore } from '../state/store.ts';\nexport const x = useAppStore;\n")).toEqual([]);
  });
});
