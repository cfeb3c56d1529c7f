import { fromWgs84 } from '../../geo/index.ts';
import { csvText } from './csv-text.ts';
import type { Random } from './random.ts';
import type { SyntheticQpv } from './qpv.ts';
import type { Commune, Territory } from './territory.ts';

/**
 * Synthetic schools in the layout of the national Annuaire de l'éducation (2024 header), and
 * the DNB (sessions 2023 and 2024) and IPS (rentrée 2023) of their collèges. 45 % of them stand
 * within 2.5 km of a synthetic QPV (public écoles and collèges close to one are REP+ or REP as
 * often as in real cities; 3 % of the other public collèges are REP), the others in communes
 * drawn at random among all of métropole.
 * Mix of types as in the real annuaire: écoles 79 %, collèges 11.5 %, lycées 7 %, CIO 1 %,
 * médico-social 1.5 %; 2.5 % of écoles have fewer than 11 pupils (secret statistique).
 *
 * UAI are `99` + 5 digits + `Q`: 7 digits and a letter as the pipeline expects, but 99 is no
 * département's prefix and Q is never a UAI's check letter, so none is a real school's.
 */
export const MAX_SCHOOLS = 100_000;

const ANNUAIRE_HEADER =
  "Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Statut_public_prive;Adresse_1;Adresse_2;Adresse_3;Code_postal;Code_commune;Nom_commune;Code_departement;Code_academie;Code_region;Ecole_maternelle;Ecole_elementaire;Voie_generale;Voie_technologique;Voie_professionnelle;Telephone;Fax;Web;Mail;Restauration;Hebergement;ULIS;Apprentissage;Segpa;Section_arts;Section_cinema;Section_theatre;Section_sport;Section_internationale;Section_europeenne;Lycee_Agricole;Lycee_militaire;Lycee_des_metiers;Post_BAC;Appartenance_Education_Prioritaire;GRETA;SIREN_SIRET;Nombre_d_eleves;Fiche_onisep;position;Type_contrat_prive;Libelle_departement;Libelle_academie;Libelle_region;coordX_origine;coordY_origine;epsg_origine;nom_circonscription;latitude;longitude;precision_localisation;date_ouverture;date_maj_ligne;etat;ministere_tutelle;multi_uai;rpi_concentre;rpi_disperse;code_nature;libelle_nature;Code_type_contrat_prive;PIAL;etablissement_mere;type_rattachement_etablissement_mere;code_circonscription;code_zone_animation_pedagogique;libelle_zone_animation_pedagogique;code_bassin_formation;libelle_bassin_formation".split(
    ';',
  );
const DNB_HEADER = "Session;Numero d'etablissement;Type d'etablissement;Patronyme;Secteur d'enseignement;Commune;Libellé commune;Code département;Libellé département;Code académie;Libellé académie;Code région;Libellé région;Inscrits;Presents;Admis;Admis sans mention;Nombre d'admis Mention AB;Admis Mention bien;Admis Mention très bien;Taux de réussite".split(';');
const IPS_HEADER = "Rentrée scolaire;Académie;Code du département;Département;UAI;Nom de l'établissment;Code INSEE de la commune;Nom de la commune;Secteur;Effectifs;IPS;Ecart-type de l'IPS".split(';');

interface Kind {
  type: string;
  share: number;
  prive: number;
  natures: readonly [string, string, string][];
  pupils: [number, number];
}
/** Type_etablissement, share of the annuaire, share private, [code_nature, libelle_nature, name prefix], pupils. */
const KINDS: readonly Kind[] = [
  { type: 'Ecole', share: 0.79, prive: 0.13, natures: [['101', 'ECOLE MATERNELLE', 'École maternelle'], ['151', 'ECOLE DE NIVEAU ELEMENTAIRE', 'École élémentaire']], pupils: [25, 320] },
  { type: 'Collège', share: 0.115, prive: 0.22, natures: [['340', 'COLLEGE', 'Collège']], pupils: [180, 900] },
  { type: 'Lycée', share: 0.07, prive: 0.3, natures: [['300', "LYCEE D'ENSEIGNEMENT GENERAL ET TECHNOLOGIQUE", 'Lycée'], ['320', 'LYCEE PROFESSIONNEL', 'Lycée professionnel']], pupils: [300, 1600] },
  { type: 'Information et orientation', share: 0.01, prive: 0, natures: [['810', "CENTRE D'INFORMATION ET D'ORIENTATION", 'CIO']], pupils: [0, 0] },
  { type: 'Médico-social', share: 0.015, prive: 0, natures: [['410', 'INSTITUT MEDICO-EDUCATIF', 'IME']], pupils: [20, 80] },
];
const PATRONYMES = ['Jules Ferry', 'Jean Moulin', 'Victor Hugo', 'Jean Jaurès', 'Louis Pasteur', 'Marie Curie', 'Jacques Prévert', 'Paul Langevin', 'Simone Veil', 'Les Tilleuls', 'Le Petit Prince', 'Jean de La Fontaine', 'Saint-Exupéry', 'Albert Camus', 'Joliot-Curie', 'Condorcet', 'Pablo Picasso', 'Anne Frank', 'Lucie Aubrac', 'Germaine Tillion'];

export interface SyntheticSchool {
  uai: string;
  nom: string;
  type: string;
  prive: boolean;
  ep: '' | 'REP' | 'REP+';
  commune: Commune;
  pupils: number | null;
}

export interface SchoolFiles {
  schools: SyntheticSchool[];
  annuaire: string;
  dnb: string;
  ips: string;
}

export function schoolFiles(count: number, qpv: readonly SyntheticQpv[], territory: Territory, random: Random): SchoolFiles {
  if (count > MAX_SCHOOLS) throw new Error(`${count} schools: at most ${MAX_SCHOOLS} synthetic UAI`);
  const schools: SyntheticSchool[] = [];
  const annuaire: Record<string, string | number>[] = [];
  for (let i = 0; i < count; i++) {
    const kind = pickKind(random);
    const [code, libelle, prefix] = random.pick(kind.natures);
    const prive = random.chance(kind.prive);
    const near = random.chance(0.45) ? random.pick(qpv) : undefined;
    const { lon, lat, communeIndex, inQpvArea } = locate(near, territory, random);
    const commune = territory.communes[communeIndex]!;
    const ep = educationPrioritaire(kind.type, prive, inQpvArea, random);
    const tiny = kind.type === 'Ecole' && random.chance(0.025);
    const pupils = kind.pupils[1] === 0 ? null : tiny ? random.int(3, 10) : random.int(...kind.pupils);
    const nom = prefix === 'CIO' ? `CIO de ${commune.nom}` : `${prefix} ${random.pick(PATRONYMES)}`;
    const school = { uai: `99${String(i).padStart(5, '0')}Q`, nom, type: kind.type, prive, ep, commune, pupils };
    schools.push(school);
    annuaire.push(annuaireRow(school, code, libelle, lon, lat, territory));
  }
  const colleges = schools.filter((s) => s.type === 'Collège');
  return {
    schools,
    annuaire: csvText(ANNUAIRE_HEADER, annuaire, ';'),
    dnb: csvText(DNB_HEADER, colleges.flatMap((s) => [2024, 2023].map((session) => dnbRow(s, session, territory, random))), ';'),
    ips: csvText(IPS_HEADER, colleges.map((s) => ipsRow(s, territory, random)), ';'),
  };
}

function pickKind(random: Random): Kind {
  let draw = random.next();
  for (const kind of KINDS) {
    if (draw < kind.share) return kind;
    draw -= kind.share;
  }
  return KINDS[0]!;
}

/** A point near `qpv` (within 2.5 km of its edge) or in a random commune of métropole. */
function locate(qpv: SyntheticQpv | undefined, territory: Territory, random: Random): { lon: number; lat: number; communeIndex: number; inQpvArea: boolean } {
  for (let attempt = 0; qpv !== undefined && attempt < 20; attempt++) {
    const distance = (qpv.radius + 2500) * Math.sqrt(random.next());
    const angle = random.between(0, 2 * Math.PI);
    const lat = qpv.lat + (distance * Math.sin(angle)) / 111_195;
    const lon = qpv.lon + (distance * Math.cos(angle)) / (111_195 * Math.cos((qpv.lat * Math.PI) / 180));
    const communeIndex = territory.communeAt(lon, lat);
    if (communeIndex !== undefined) return { lon, lat, communeIndex, inQpvArea: distance < qpv.radius + 300 };
  }
  const communeIndex = random.int(0, territory.communes.length - 1);
  const [lon, lat] = territory.pointOf(communeIndex);
  return { lon, lat, communeIndex, inQpvArea: false };
}

function educationPrioritaire(type: string, prive: boolean, inQpvArea: boolean, random: Random): SyntheticSchool['ep'] {
  if (prive || (type !== 'Ecole' && type !== 'Collège')) return '';
  const draw = random.next();
  if (inQpvArea) return draw < 0.3 ? 'REP+' : draw < 0.75 ? 'REP' : '';
  // Rural networks: a few collèges (their écoles would need one within 5 km, which a random
  // spread does not give: they stay out).
  return type === 'Collège' && draw < 0.03 ? 'REP' : '';
}

function annuaireRow(s: SyntheticSchool, code: string, libelle: string, lon: number, lat: number, territory: Territory): Record<string, string | number> {
  const departement = territory.departements.get(s.commune.departement)!;
  const [x, y] = fromWgs84(lon, lat, 2154);
  const latitude = lat.toFixed(6);
  const longitude = lon.toFixed(6);
  return {
    Identifiant_de_l_etablissement: s.uai,
    Nom_etablissement: s.nom,
    Type_etablissement: s.type,
    Statut_public_prive: s.prive ? 'Privé' : 'Public',
    Code_commune: s.commune.code,
    Nom_commune: s.commune.nom,
    Code_departement: departement.code.padStart(3, '0'),
    Code_region: departement.region.code,
    Ecole_maternelle: libelle === 'ECOLE MATERNELLE' ? 1 : s.type === 'Ecole' ? 0 : '',
    Ecole_elementaire: libelle === 'ECOLE DE NIVEAU ELEMENTAIRE' ? 1 : s.type === 'Ecole' ? 0 : '',
    Appartenance_Education_Prioritaire: s.ep,
    Nombre_d_eleves: s.pupils ?? '',
    position: `${latitude}, ${longitude}`,
    Type_contrat_prive: s.prive ? 'CONTRAT D ASSOCIATION TOUTES CLASSES' : 'SANS OBJET',
    Libelle_departement: departement.nom,
    Libelle_region: departement.region.nom,
    coordX_origine: x.toFixed(1),
    coordY_origine: y.toFixed(1),
    epsg_origine: 'EPSG:2154',
    latitude,
    longitude,
    precision_localisation: 'Numéro de rue',
    date_ouverture: '1975-09-01',
    date_maj_ligne: '2025-11-20',
    etat: 'OUVERT',
    ministere_tutelle: "MINISTERE DE L'EDUCATION NATIONALE",
    multi_uai: 0,
    code_nature: code,
    libelle_nature: libelle,
  };
}

const centred = (random: Random, mean: number, sd: number, min: number, max: number) => Math.min(max, Math.max(min, random.normal(mean, sd)));

function dnbRow(s: SyntheticSchool, session: number, territory: Territory, random: Random): Record<string, string | number> {
  const departement = territory.departements.get(s.commune.departement)!;
  const rate = centred(random, s.prive ? 95 : s.ep === 'REP+' ? 78 : s.ep === 'REP' ? 84 : 89, 5, 40, 100);
  const inscrits = Math.max(12, Math.round((s.pupils ?? 400) / 4));
  const presents = inscrits - random.int(0, 2);
  const admis = Math.round((presents * rate) / 100);
  return {
    Session: session,
    "Numero d'etablissement": s.uai,
    "Type d'etablissement": 'COLLEGE',
    Patronyme: s.nom.replace(/^Collège /, '').toUpperCase(),
    "Secteur d'enseignement": s.prive ? 'PRIVE' : 'PUBLIC',
    Commune: s.commune.code,
    'Libellé commune': s.commune.nom.toUpperCase(),
    'Code département': departement.code.padStart(3, '0'),
    'Libellé département': departement.nom.toUpperCase(),
    'Code région': departement.region.code,
    'Libellé région': departement.region.nom.toUpperCase(),
    Inscrits: inscrits,
    Presents: presents,
    Admis: admis,
    'Taux de réussite': `${((admis / presents) * 100).toFixed(1).replace('.', ',')}%`,
  };
}

function ipsRow(s: SyntheticSchool, territory: Territory, random: Random): Record<string, string | number> {
  const departement = territory.departements.get(s.commune.departement)!;
  return {
    'Rentrée scolaire': '2023-2024',
    'Code du département': departement.code.padStart(3, '0'),
    Département: departement.nom.toUpperCase(),
    UAI: s.uai,
    "Nom de l'établissment": s.nom.toUpperCase(),
    'Code INSEE de la commune': s.commune.code,
    'Nom de la commune': s.commune.nom.toUpperCase(),
    Secteur: s.prive ? 'privé sous contrat' : 'public',
    Effectifs: (s.pupils ?? 400).toFixed(1),
    IPS: centred(random, s.prive ? 118 : s.ep === 'REP+' ? 80 : s.ep === 'REP' ? 90 : 104, 7, 50, 160).toFixed(1),
    "Ecart-type de l'IPS": centred(random, 30, 4, 15, 45).toFixed(1),
  };
}
