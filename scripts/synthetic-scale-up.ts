/**
 * `npm run synthetic:100x -- --out DIR [--from DIR] [--factor N]`: a SYNTHETIC published
 * dataset, N (default 100) times the QPV of the real one, for `npm run bench` to measure the
 * cross-filter at scale. Never real data, never shipped: every table it changes says
 * « SYNTHÉTIQUE » in its manifest description, and DIR must lie outside public/.
 *
 * Copy k (1…N−1) of a QPV gets code `QS` + k (2 digits) + the code's last 6 characters, its
 * geometry shifted by k's cell of a 10-column grid, its indicator values and distances
 * scaled by a deterministic factor in [0.85, 1.15]. Tables tied to QPV follow (indicators,
 * access, risk, the schools in or near a QPV, the actions placed in one); the others
 * (territories, places, Cités…) are copied unchanged.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Geometry, Position } from 'geojson';
import { createNodeConnector } from '../data-pipeline/duckdb-node.ts';
import { rowsToArrowIpc } from '../data-pipeline/write-arrow.ts';
import { type Connector, tableRows } from '../src/domain/connector.ts';
import { TABLE_LAYOUTS } from '../src/domain/table-layouts.ts';
import type { Manifest } from '../src/data/manifest.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { out: { type: 'string' }, from: { type: 'string' }, factor: { type: 'string' } } });
if (values.out === undefined) throw new Error('--out DIR is required');
const out = path.resolve(values.out);
const from = path.resolve(values.from ?? path.join(REPO_ROOT, 'public/data'));
const factor = Number(values.factor ?? 100);
if (!Number.isInteger(factor) || factor < 2 || factor > 100) throw new Error(`--factor ${values.factor}: expected an integer in 2–100`);
if (out.startsWith(path.join(REPO_ROOT, 'public'))) throw new Error(`${out}: synthetic data never goes under public/`);

/** Grid cell of copy k, in degrees: copies sit side by side, east then south. */
const DX = 0.45;
const DY = 0.3;
const copies = `range(${factor}) AS r(k)`;
const dx = `(k % 10) * ${DX}`;
const dy = `-(k // 10) * ${DY}`;
/** Code of copy k of a QPV code (copy 0 is the real QPV). */
const code = (column: string) => `CASE WHEN k = 0 OR ${column} IS NULL THEN ${column} ELSE 'QS' || lpad(k::VARCHAR, 2, '0') || right(${column}, 6) END`;
const codeList = (column: string) =>
  `CASE WHEN k = 0 OR ${column} IS NULL THEN ${column} ELSE array_to_string(list_transform(string_split(${column}, ','), c -> 'QS' || lpad(k::VARCHAR, 2, '0') || right(c, 6)), ',') END`;
const jitter = (key: string) => `(0.85 + 0.3 * ((hash(${key}, k) % 1000) / 1000.0))`;
const QPV_OF = `(qpv_code IS NOT NULL OR qpv_300m IS NOT NULL)`;

/** SQL of each scaled table; its columns are renamed back by layout. */
const SCALED: Record<string, string> = {
  qpv: `SELECT * REPLACE (${code('code')} AS code, lon + ${dx} AS lon, lat + ${dy} AS lat, xmin + ${dx} AS xmin, xmax + ${dx} AS xmax, ymin + ${dy} AS ymin, ymax + ${dy} AS ymax), k FROM qpv, ${copies} ORDER BY k, code`,
  indicateurs: `SELECT * REPLACE (${code('territoire_code')} AS territoire_code, CASE WHEN k = 0 THEN valeur ELSE valeur * ${jitter('territoire_code || indicateur')} END AS valeur)
    FROM indicateurs, ${copies} WHERE niveau = 'qpv' OR k = 0 ORDER BY k, territoire_code, indicateur, annee`,
  acces_services: `SELECT * REPLACE (${code('qpv_code')} AS qpv_code, CASE WHEN k = 0 THEN distance_m ELSE distance_m * ${jitter('qpv_code')} END AS distance_m)
    FROM acces_services, ${copies} ORDER BY k, qpv_code, categorie`,
  risque_decrochage: `SELECT * REPLACE (${code('qpv_code')} AS qpv_code) FROM risque_decrochage, ${copies} ORDER BY k, qpv_code`,
  risque_composantes: `SELECT * REPLACE (${code('qpv_code')} AS qpv_code) FROM risque_composantes, ${copies} ORDER BY k, qpv_code, composante`,
  etablissements: `SELECT * REPLACE (CASE WHEN k = 0 THEN uai ELSE 'S' || lpad(k::VARCHAR, 2, '0') || right(uai, 5) END AS uai,
      ${code('qpv_code')} AS qpv_code, ${codeList('qpv_300m')} AS qpv_300m, lon + ${dx} AS lon, lat + ${dy} AS lat)
    FROM etablissements, ${copies} WHERE ${QPV_OF} OR k = 0 ORDER BY k, uai`,
  actions: `SELECT * REPLACE (CASE WHEN k = 0 THEN id ELSE id || '-s' || k END AS id, replace(${codeList("replace(qpv_code, '|', ',')")}, ',', '|') AS qpv_code)
    FROM actions, ${copies} WHERE qpv_code IS NOT NULL OR k = 0 ORDER BY k, id`,
};

function shift(geometry: Geometry, x: number, y: number): Geometry {
  const move = (p: Position): Position => [Math.round((p[0]! + x) * 1e6) / 1e6, Math.round((p[1]! + y) * 1e6) / 1e6];
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(move)) };
  if (geometry.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => poly.map((ring) => ring.map(move))) };
  throw new Error(`unexpected geometry ${geometry.type}`);
}

async function scaledRows(db: Connector, table: string): Promise<Record<string, unknown>[]> {
  const rows = tableRows(await db.query(SCALED[table]!));
  if (table !== 'qpv') return rows;
  return rows.map((r) => {
    const k = Number(r.k);
    return { ...r, geometry: JSON.stringify(shift(JSON.parse(String(r.geometry)) as Geometry, (k % 10) * DX, -Math.floor(k / 10) * DY)) };
  });
}

const manifest = JSON.parse(readFileSync(path.join(from, 'manifest.json'), 'utf8')) as Manifest;
const db = await createNodeConnector();
for (const t of manifest.tables) await db.loadArrow(t.name, readFileSync(path.join(from, t.file)));
mkdirSync(out, { recursive: true });
for (const table of manifest.tables) {
  if (!(table.name in SCALED)) {
    copyFileSync(path.join(from, table.file), path.join(out, table.file));
    continue;
  }
  const layout = TABLE_LAYOUTS.find((l) => l.name === table.name)!;
  const bytes = rowsToArrowIpc(layout, await scaledRows(db, table.name));
  writeFileSync(path.join(out, table.file), bytes);
  const rows = Number(tableRows(await db.query(`SELECT count(*) AS n FROM (${SCALED[table.name]})`))[0]!.n);
  Object.assign(table, {
    rows,
    bytes: bytes.byteLength,
    checksum: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
    description: `[SYNTHÉTIQUE ×${factor}, pour la mesure de performance] ${table.description}`,
  });
  console.log(`${table.name}: ${rows} rows`);
}
writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
await db.close();
console.log(`synthetic ×${factor} dataset written to ${out}`);
