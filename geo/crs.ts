/**
 * Coordinate reference systems met in French open data, and their conversion to WGS84
 * lon/lat (the only CRS geo/ works in).
 *
 * Projection parameters are those of the EPSG registry (PROJ strings as on epsg.io). The
 * RGxx frames of the DROM (RGFG95, RGR92, RGM04, RGAF09, RRAF 1991) are ITRF
 * realisations: their shift to WGS84 is zero at the metre level, which is also what the
 * Education ministry uses (its published lat/lon for EPSG:2972 rows match a zero shift
 * to 1e-10°, not the legacy +towgs84=2,2,-2 of RGFG95).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import proj4 from 'proj4';

const GRS80_ITRF = '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

const DEFINITIONS: ReadonlyMap<number, string> = new Map([
  // RGF93 v1 / Lambert-93 — métropole and Corsica.
  [2154, `+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 ${GRS80_ITRF}`],
  // RGFG95 / UTM 22N — Guyane.
  [2972, `+proj=utm +zone=22 ${GRS80_ITRF}`],
  // RGR92 / UTM 40S — La Réunion.
  [2975, `+proj=utm +zone=40 +south ${GRS80_ITRF}`],
  // RGM04 / UTM 38S — Mayotte.
  [4471, `+proj=utm +zone=38 +south ${GRS80_ITRF}`],
  // RGAF09 / UTM 20N — Guadeloupe, Martinique.
  [5490, `+proj=utm +zone=20 ${GRS80_ITRF}`],
  // RRAF 1991 / UTM 20N — Guadeloupe, Martinique (before RGAF09).
  [4559, `+proj=utm +zone=20 ${GRS80_ITRF}`],
  // WGS 84 / UTM — used by some DROM datasets instead of the local frames.
  [32620, '+proj=utm +zone=20 +datum=WGS84 +units=m +no_defs'],
  [32622, '+proj=utm +zone=22 +datum=WGS84 +units=m +no_defs'],
  [32738, '+proj=utm +zone=38 +south +datum=WGS84 +units=m +no_defs'],
  [32740, '+proj=utm +zone=40 +south +datum=WGS84 +units=m +no_defs'],
]);

/** Codes accepted by `toWgs84` (4326 = lon/lat, as in GeoJSON / CRS84). */
export const SUPPORTED_EPSG: readonly number[] = [4326, ...DEFINITIONS.keys()];

export class CrsError extends Error {
  override readonly name = 'CrsError';
  constructor(
    message: string,
    readonly epsg: number | null = null,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

function unsupported(epsg: number): CrsError {
  return new CrsError(`unsupported CRS EPSG:${epsg}: expected one of ${SUPPORTED_EPSG.join(', ')}`, epsg);
}

const converters = new Map<number, proj4.Converter>();

function converterFor(epsg: number): proj4.Converter {
  const cached = converters.get(epsg);
  if (cached) return cached;
  const definition = DEFINITIONS.get(epsg);
  if (definition === undefined) throw unsupported(epsg);
  const converter = proj4(definition, 'WGS84');
  converters.set(epsg, converter);
  return converter;
}

export function isSupportedEpsg(epsg: number): boolean {
  return epsg === 4326 || DEFINITIONS.has(epsg);
}

/**
 * (x, y) in EPSG:`epsg` → [lon, lat] WGS84. For 4326 the input is taken as lon, lat
 * (GeoJSON order) and returned unchanged. Non-finite input gives NaNs.
 * @throws CrsError naming the code if it is not in SUPPORTED_EPSG.
 */
export function toWgs84(x: number, y: number, epsg: number): [number, number] {
  if (epsg === 4326) return [x, y];
  const converter = converterFor(epsg);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return [NaN, NaN];
  const [lon = NaN, lat = NaN] = converter.forward([x, y]);
  return [lon, lat];
}

/**
 * [lon, lat] WGS84 → (x, y) in EPSG:`epsg`: the inverse of `toWgs84` (for files written in
 * a projected CRS, like the synthetic national QPV in Lambert-93).
 * @throws CrsError naming the code if it is not in SUPPORTED_EPSG.
 */
export function fromWgs84(lon: number, lat: number, epsg: number): [number, number] {
  if (epsg === 4326) return [lon, lat];
  const [x = NaN, y = NaN] = converterFor(epsg).inverse([lon, lat]);
  return [x, y];
}

function reprojectRing(ring: readonly Position[], epsg: number): Position[] {
  return ring.map((p) => {
    const [lon, lat] = toWgs84(p[0] ?? NaN, p[1] ?? NaN, epsg);
    return [lon, lat, ...p.slice(2)];
  });
}

/**
 * Copy of `g` with every position converted to WGS84 (extra ordinates such as z are
 * kept). Any `bbox` member is dropped, being in the source CRS.
 */
export function reprojectGeometry<G extends Polygon | MultiPolygon>(g: G, epsg: number): G {
  // Fail on the code itself, even for an empty geometry.
  if (!isSupportedEpsg(epsg)) throw unsupported(epsg);
  if (g.type === 'Polygon') {
    const coordinates = g.coordinates.map((ring) => reprojectRing(ring, epsg));
    return { type: 'Polygon', coordinates } as Polygon as G;
  }
  const coordinates = g.coordinates.map((rings) => rings.map((ring) => reprojectRing(ring, epsg)));
  return { type: 'MultiPolygon', coordinates } as MultiPolygon as G;
}

const CRS84_NAME =
  /^(?:urn:(?:x-)?ogc:def:crs:OGC:[\d.]*:CRS84|https?:\/\/www\.opengis\.net\/def\/crs\/OGC\/[\d.]+\/CRS84|(?:OGC:)?CRS84)$/i;
const EPSG_NAME =
  /^(?:urn:(?:x-)?ogc:def:crs:EPSG:(?:[\d.]*:)?|EPSG:|https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/[\d.]+\/)(\d+)$/i;

function epsgFromName(name: string): number | null {
  const trimmed = name.trim();
  if (CRS84_NAME.test(trimmed)) return 4326;
  const code = EPSG_NAME.exec(trimmed)?.[1];
  return code === undefined ? null : Number(code);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * EPSG code of a GeoJSON (2008) `crs` member, or of a bare CRS name string:
 * `{type:'name', properties:{name:'urn:ogc:def:crs:EPSG::2154'}}`, `'EPSG:2154'`,
 * `'http://www.opengis.net/def/crs/EPSG/0/2154'`, the legacy
 * `{type:'EPSG', properties:{code:2154}}`; CRS84 (any spelling) gives 4326.
 * An absent member (undefined / null) gives null: RFC 7946 says WGS84 lon/lat.
 * A present but unreadable member throws rather than being mistaken for WGS84; the
 * code is returned even if `toWgs84` does not support it (check `isSupportedEpsg`).
 * @throws CrsError
 */
export function epsgFromGeoJsonCrs(crs: unknown): number | null {
  if (crs === undefined || crs === null) return null;
  let epsg: number | null = null;
  if (typeof crs === 'string') {
    epsg = epsgFromName(crs);
  } else if (isRecord(crs) && isRecord(crs.properties)) {
    const { name, code } = crs.properties;
    if (crs.type === 'name' && typeof name === 'string') epsg = epsgFromName(name);
    if (crs.type === 'EPSG' && (typeof code === 'number' || typeof code === 'string')) {
      epsg = /^\d+$/.test(String(code)) ? Number(code) : null;
    }
  }
  if (epsg === null) {
    const shown = (JSON.stringify(crs) ?? String(crs)).slice(0, 120);
    throw new CrsError(`unreadable GeoJSON crs ${shown}: expected a name like "urn:ogc:def:crs:EPSG::2154"`);
  }
  return epsg;
}
