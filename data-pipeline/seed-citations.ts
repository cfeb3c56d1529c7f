/**
 * The citations of the registries' and actions' `source` cells, read back so they can be
 * checked against the seed texts (`data-pipeline/sources/seeds/`). A cell cites one or more
 * documents, each as `(seeds/<file>.txt)` followed by its lines, the way staff write them:
 * « lignes 129 (« … ») et 137 », « lignes 281, 287 et 648 », « ligne 2444 », « lignes
 * 106-192 », « exemple lignes 80-82 ». A `« … »` after a document is a quotation of one of the
 * lines cited for it; other parentheses are comments.
 */

export interface SeedCitation {
  /** File name in `seeds/`, e.g. `003_e5e2d19604b1066e.txt`. */
  file: string;
  /** Line numbers (from 1, counted by `\n`), ranges expanded, in the order written. */
  lines: number[];
  /** Texts quoted in « » for this document. */
  quotes: string[];
}

const FILE = /\(seeds\/([0-9]{3}_[0-9a-f]+\.txt)\)/g;
const QUOTE = /«\s*([^«»]*?)\s*»/g;
const LINE_LIST = /\blignes?\s+(\d+(?:-\d+)?(?:\s*(?:,|et)\s*\d+(?:-\d+)?)*)/g;

/** Every document a `source` cell cites, with its lines and quotations; [] when it cites none. */
export function parseSeedCitations(cell: string): SeedCitation[] {
  const mentions = [...cell.matchAll(FILE)];
  return mentions.map((mention, i) => {
    const start = mention.index + mention[0].length;
    const end = mentions[i + 1]?.index ?? cell.length;
    let text = cell.slice(start, end);
    const quotes = [...text.matchAll(QUOTE)].map((m) => m[1]!);
    // Quotations and comments may hold digits or « ligne »: only the bare list counts.
    text = text.replace(QUOTE, '').replace(/\([^()]*\)/g, '');
    const lines: number[] = [];
    for (const [, list] of text.matchAll(LINE_LIST)) {
      for (const item of list!.split(/\s*(?:,|et)\s*/)) {
        const [from, to] = item.split('-').map(Number);
        for (let n = from!; n <= (to ?? from!); n += 1) lines.push(n);
      }
    }
    return { file: mention[1]!, lines, quotes };
  });
}
