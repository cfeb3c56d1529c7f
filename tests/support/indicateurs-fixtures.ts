import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type CsvFile, readCsv } from '../../data-pipeline/read/read-csv.ts';
import type { SourceInput } from '../../data-pipeline/read/read-source.ts';
import type { Source } from '../../data-pipeline/registry.ts';
import { tempDir } from './pipeline-cli.ts';

/**
 * Small extracts of `data-pipeline/sources/qpv-occitanie-2015/qp.csv` and `meta_qp.csv` (copied
 * as published), and ways to write them as other publishers do (Latin-1, `;`, decimal comma).
 */
export const QP_HEADER =
  'code_qp,nom_qp,nom_commune,pop_mun,pop_com_qp,pop_com,ind_jeune,tx_tot_et,tx_f,tx_f_et,percou,pmimp,part_chomprinc,decuc_q2,decuc_d1,decuc_d9,disp_q2,disp_d1,disp_d9,tp60,brev,a,tx_tot_empl,tx_f_empl,tx_et_empl,tx_tot_eprec,tx_f_eprec,tx_et_eprec,abcde,abcde_f,abcde_h,abc_capbep,abc_bac,abc_supbac,ec_mat,ec_elem,ec_elem_pri,coll,coll_pri,nbetab,ens_sante,serv_par,serv_tot,auto_ent';
export const QP009001 =
  'QP009001,Coeur De Ville,Saint-Girons,1177,1177,6289,0.7,11,53.5,9.1,692,25.8,,10788,0,26094,13724,7575,25555,40.2,55.6,464,50.7,51.2,50,23.9,24,34.6,255,112,143,96,43,68,1,3,1,1,1,303,55,98,144,7';
export const QP009003 =
  'QP009003,Centre Ancien - La Gloriette,Pamiers,4291,4291,15744,1,11.8,53.4,9.9,2842,26.3,7.5,9978,0,24250,13543,7183,23382,42,58.1,1582,42.3,36.3,35,27.4,25.9,48.7,831,412,419,308,175,120,2,5,2,3,2,379,66,107,204,5';

export const META_QP = [
  'colonne,description,type_valeur,exemple',
  'code_qp,Code du quartier prioritaire (QP),chaîne de caractères,QP082003',
  'tp60,Taux de pauvreté,nombre rationnel,43.9',
  'tx_tot_eprec,Part des personnes en emploi précaire  parmi les personnes ayant un emploi.,nombre rationnel,34.4',
  '"abc_bac","Nombre de demandeurs d\'emploi de catégorie A, B ou C de niveau de formation BAC",entier,111',
].join('\n');

/** A `qp.csv` line with some cells replaced, by column name. */
export function withCells(line: string, cells: Record<string, string>): string {
  const names = QP_HEADER.split(',');
  const values = line.split(',');
  for (const [name, value] of Object.entries(cells)) {
    const i = names.indexOf(name);
    if (i === -1) throw new Error(`no column ${name}`);
    values[i] = value;
  }
  return values.join(',');
}

/** The same line as a French spreadsheet writes it: `;` between fields, decimal comma. */
export const frenchLine = (line: string) => line.split(',').map((v) => v.replace('.', ',')).join(';');

export function indicatorSource(id: string, layout: Source['layout'] = 'qpv-indicateurs-insee'): Source {
  return {
    id,
    table: layout === 'qpv-indicateurs-insee' ? 'indicateurs' : 'indicateurs_meta',
    file: `${id}.csv`,
    format: 'csv',
    layout,
    publisher: 'INSEE, via Toulouse DataViz Hackaviz 2021',
    licence: 'Licence Ouverte / Etalab',
    millesime: 'publié en 2019 (insertion professionnelle : 2020) — population 2013, autres années observées non précisées',
    url: 'https://github.com/ToulouseDataViz/Hackaviz2021',
  };
}

/**
 * Writes `lines` to a temp file (UTF-8 with BOM, as qp.csv, or Latin-1) and reads it back with
 * the pipeline's CSV reader, as the registry source `id`.
 */
export async function csvInput(
  id: string,
  lines: readonly string[],
  options: { encoding?: 'utf-8' | 'latin1'; layout?: Source['layout'] } = {},
): Promise<SourceInput<CsvFile>> {
  const file = path.join(await tempDir('indicateurs'), `${id}.csv`);
  const text = `${lines.join('\r\n')}\r\n`;
  await writeFile(file, options.encoding === 'latin1' ? Buffer.from(text, 'latin1') : `\uFEFF${text}`);
  return { source: indicatorSource(id, options.layout), data: await readCsv(file, `${id}.csv`) };
}

export const dictionaryInput = (lines = META_QP.split('\n')) => csvInput('meta-qp', lines, { layout: 'qpv-indicateurs-dictionnaire' });
