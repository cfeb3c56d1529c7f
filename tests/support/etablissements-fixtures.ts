import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Polygon } from 'geojson';
import { PolygonIndex } from '../../geo/index.ts';
import { readSource, SourceInputs } from '../../data-pipeline/read/read-source.ts';
import type { Source, SourceLayout } from '../../data-pipeline/registry.ts';
import type { QpvBuild } from '../../data-pipeline/tables/build-qpv.ts';
import { tempDir } from './pipeline-cli.ts';

/*
 * Small establishment files in the official layouts (headers copied from the files of
 * data-pipeline/sources/), written to a temp dir and read by the pipeline's own reader.
 */

/** Annuaire de l'éducation, 2024 export (72 columns). */
export const ANNUAIRE_2024_HEADER = 'Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Statut_public_prive;Adresse_1;Adresse_2;Adresse_3;Code_postal;Code_commune;Nom_commune;Code_departement;Code_academie;Code_region;Ecole_maternelle;Ecole_elementaire;Voie_generale;Voie_technologique;Voie_professionnelle;Telephone;Fax;Web;Mail;Restauration;Hebergement;ULIS;Apprentissage;Segpa;Section_arts;Section_cinema;Section_theatre;Section_sport;Section_internationale;Section_europeenne;Lycee_Agricole;Lycee_militaire;Lycee_des_metiers;Post_BAC;Appartenance_Education_Prioritaire;GRETA;SIREN_SIRET;Nombre_d_eleves;Fiche_onisep;position;Type_contrat_prive;Libelle_departement;Libelle_academie;Libelle_region;coordX_origine;coordY_origine;epsg_origine;nom_circonscription;latitude;longitude;precision_localisation;date_ouverture;date_maj_ligne;etat;ministere_tutelle;multi_uai;rpi_concentre;rpi_disperse;code_nature;libelle_nature;Code_type_contrat_prive;PIAL;etablissement_mere;type_rattachement_etablissement_mere;code_circonscription;code_zone_animation_pedagogique;libelle_zone_animation_pedagogique;code_bassin_formation;libelle_bassin_formation'.split(';');
/** Annuaire de l'éducation, 2023 export (69 columns: `Code postal`, `coordonnee_X`, `epsg`…). */
export const ANNUAIRE_2023_HEADER = 'Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Statut_public_prive;Adresse_1;Adresse_2;Adresse_3;Code postal;Code_commune;Nom_commune;Code_departement;Code_academie;Code_region;Ecole_maternelle;Ecole_elementaire;Voie_generale;Voie_technologique;Voie_professionnelle;Telephone;Fax;Web;Mail;Restauration;Hebergement;ULIS;Apprentissage;Segpa;Section_arts;Section_cinema;Section_theatre;Section_sport;Section_internationale;Section_europeenne;Lycee_Agricole;Lycee_militaire;Lycee_des_metiers;Post_BAC;Appartenance_Education_Prioritaire;GRETA;SIREN_SIRET;Nombre_d_eleves;Fiche_onisep;position;Type_contrat_prive;Libelle_departement;Libelle_academie;Libelle_region;coordonnee_X;coordonnee_Y;epsg;nom_circonscription;latitude;longitude;precision_localisation;date_ouverture;date_maj_ligne;etat;ministere_tutelle;etablissement_multi_lignes;rpi_concentre;rpi_disperse;code_nature;libelle_nature;Code_type_contrat_prive;PIAL;etablissement_mere;type_rattachement_etablissement_mere;code_bassin_formation;libelle_bassin_formation'.split(';');
export const GEOLOCALISATION_HEADER = 'numero_uai;appellation_officielle;denomination_principale;patronyme_uai;secteur_public_prive_libe;adresse_uai;lieu_dit_uai;boite_postale_uai;code_postal_uai;localite_acheminement_uai;libelle_commune;coordonnee_x;coordonnee_y;EPSG;latitude;longitude;appariement;localisation;nature_uai;nature_uai_libe;etat_etablissement;etat_etablissement_libe;code_departement;code_region;code_academie;code_commune;libelle_departement;libelle_region;libelle_academie;position;secteur_prive_code_type_contrat;secteur_prive_libelle_type_contrat;code_ministere;libelle_ministere;date_ouverture'.split(';');
export const IPS_HEADER = "Rentrée scolaire;Académie;Code du département;Département;UAI;Nom de l'établissment;Code INSEE de la commune;Nom de la commune;Secteur;Effectifs;IPS;Ecart-type de l'IPS".split(';');
/** donnees-dnb.csv: unnamed R row index first, then the columns the build reads (others omitted). */
export const DNB_HEADER = ['', 'numero_college', 'session', 'patronyme', 'taux_de_reussite', 'rep', 'rep_plus', 'ips'];

const quote = (v: string, sep: string) => (v.includes(sep) || v.includes('"') ? `"${v.replaceAll('"', '""')}"` : v);

/** CSV text: every column of `header` empty unless the row gives it. */
export function csvText(header: readonly string[], rows: readonly Record<string, string>[], sep = ';'): string {
  const lines = [header.map((h) => quote(h, sep)).join(sep), ...rows.map((r) => header.map((h) => quote(r[h] ?? '', sep)).join(sep))];
  return `${lines.join('\n')}\n`;
}

export interface FixtureFile {
  id: string;
  layout: SourceLayout;
  text: string;
}

/** Writes the files to a fresh temp dir and reads them as a run would (named by file name). */
export async function fixtureInputs(files: readonly FixtureFile[]): Promise<SourceInputs> {
  const dir = await tempDir('etablissements');
  const read = [];
  for (const f of files) {
    const name = `${f.id}.csv`;
    await writeFile(path.join(dir, name), f.text);
    const source: Source = { id: f.id, table: 'etablissements', file: name, format: 'csv', layout: f.layout, publisher: 'test', licence: 'test', millesime: 'test', url: 'https://example.org/' };
    read.push({ source, data: await readSource(source, path.join(dir, name), name) });
  }
  return new SourceInputs(read);
}

export const REGION_OF_DEPARTEMENT = new Map([
  ['01', '84'],
  ['2A', '94'],
  ['31', '76'],
  ['34', '76'],
  ['35', '53'],
  ['66', '76'],
  ['974', '04'],
]);

/** An axis-aligned square QPV (WGS84), as build-qpv would publish it. */
export function squareQpv(code: string, [west, south, east, north]: [number, number, number, number]): { code: string; polygon: Polygon } {
  const polygon: Polygon = { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] };
  return { code, polygon };
}

export function qpvOf(list: readonly { code: string; polygon: Polygon }[]): Pick<QpvBuild, 'rows' | 'geometries'> {
  return {
    rows: list.map((q) => ({ code: q.code, generation: q.code.startsWith('QN') ? '2024' : '2015', geometry: JSON.stringify(q.polygon) })),
    geometries: { codes: list.map((q) => q.code), index: new PolygonIndex(list.map((q) => q.polygon)) },
  };
}
