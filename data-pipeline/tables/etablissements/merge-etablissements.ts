import { EP_LABELS, type EpStatut } from '../../../src/domain/education-prioritaire.ts';
import type { Location, RowIssue } from '../../pipeline-error.ts';
import type { FileRow } from './collect-file-rows.ts';
import type { EtablissementDraft, EtablissementFields } from './etablissement-fields.ts';
import type { DnbValues } from './parse-dnb-row.ts';
import type { DnbSessionValues } from './parse-dnb-session-row.ts';
import type { IpsValues } from './parse-ips-row.ts';

/** One DNB session of a collège (`dnb_sessions`): every session read is kept, not only the latest. */
export type DnbSessionRow = Record<string, string | number | null> & {
  uai: string;
  session: number;
  millesime: string;
  taux_reussite: number | null;
  source_id: string;
};

export interface MergedEtablissement {
  fields: EtablissementFields;
  /** Line of the row that won (annuaire first), for the table's `locations`. */
  location: Location;
  /** EP read from an annuaire ('hors_ep' there is an answer too), which DNB flags cannot override. */
  epFromAnnuaire: boolean;
}

const showEp = (ep: EpStatut) => EP_LABELS[ep];

/**
 * Joins the establishment files on UAI. Annuaire rows win (newest, with EP and pupils); a
 * géolocalisation row adds a collège the annuaires lack, or fills empty fields of an
 * annuaire row. DNB and IPS rows only complete rows already there: an unmatched one is a
 * warning (collège closed or merged since, or outside the territoires).
 */
export class EtablissementsMerge {
  readonly #byUai = new Map<string, MergedEtablissement>();
  /** Every DNB session joined, by `uai/session`, with the line it comes from. */
  readonly #sessions = new Map<string, { row: DnbSessionRow; location: Location }>();

  get size(): number {
    return this.#byUai.size;
  }

  values(): IterableIterator<MergedEtablissement> {
    return this.#byUai.values();
  }

  add(row: FileRow<EtablissementDraft>, fromAnnuaire: boolean): void {
    const existing = this.#byUai.get(row.uai);
    if (existing === undefined) {
      const fields: EtablissementFields = { ...row.value, uai: row.uai, ips: null, ips_annee: null, dnb_taux_reussite: null, dnb_session: null, qpv_code: null, qpv_300m: null };
      this.#byUai.set(row.uai, { fields, location: row.location, epFromAnnuaire: fromAnnuaire && row.value.ep !== 'inconnu' });
      return;
    }
    const target = existing.fields as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(row.value)) {
      if (key !== 'ep' && target[key] === null && value !== null) target[key] = value;
    }
    if (!existing.epFromAnnuaire && fromAnnuaire && row.value.ep !== 'inconnu') {
      existing.fields.ep = row.value.ep;
      existing.epFromAnnuaire = true;
    }
  }

  /** Every DNB session of the collèges, one row per UAI and session, with the line each comes from. */
  dnbSessions(): { rows: DnbSessionRow[]; locations: Location[] } {
    const kept = [...this.#sessions.values()];
    return { rows: kept.map((k) => k.row), locations: kept.map((k) => k.location) };
  }

  /**
   * DNB rate and session, from any DNB file (`sourceId`): the latest session wins whatever the
   * order the files are read in (a refresh adding a session never loses to an older file);
   * every session is kept for `dnbSessions`, the first file read giving a session winning it
   * (as it wins the published figure). Returns a warning or null.
   */
  joinDnbSession(row: FileRow<DnbSessionValues>, sourceId: string): RowIssue | null {
    const target = this.#byUai.get(row.uai);
    if (target === undefined) return unmatched(row, 'DNB');
    const key = `${row.uai}/${row.value.session}`;
    if (!this.#sessions.has(key)) {
      const session: DnbSessionRow = { uai: row.uai, session: row.value.session, millesime: dnbSessionLabel(row.value.session), taux_reussite: row.value.taux, source_id: sourceId };
      this.#sessions.set(key, { row: session, location: row.location });
    }
    // The latest session that gives a rate: a later one without (no candidate, not published) does not erase it.
    const kept = target.fields.dnb_session;
    if (row.value.taux !== null && (kept === null || row.value.session > kept)) {
      target.fields.dnb_taux_reussite = row.value.taux;
      target.fields.dnb_session = row.value.session;
    }
    return null;
  }

  /** DNB rate and session (`joinDnbSession`); EP from the flags unless an annuaire gave it. Returns a warning or null. */
  joinDnb(row: FileRow<DnbValues>, sourceId: string): RowIssue | null {
    const target = this.#byUai.get(row.uai);
    if (target === undefined) return unmatched(row, 'DNB');
    this.joinDnbSession(row, sourceId);
    if (!target.epFromAnnuaire) {
      target.fields.ep = row.value.ep;
      return null;
    }
    if (target.fields.ep === row.value.ep) return null;
    return {
      location: { ...row.location, field: 'rep_plus', value: showEp(row.value.ep) },
      reason: `éducation prioritaire differs: annuaire ${showEp(target.fields.ep)}, DNB flags (rentrée 2020) ${showEp(row.value.ep)}; annuaire kept`,
    };
  }

  /** IPS and its rentrée, the latest rentrée winning; pupils when no annuaire gave them. Returns a warning or null. */
  joinIps(row: FileRow<IpsValues>): RowIssue | null {
    const target = this.#byUai.get(row.uai);
    if (target === undefined) return unmatched(row, 'IPS');
    target.fields.effectifs ??= row.value.effectifs;
    const kept = target.fields.ips_annee;
    if (row.value.ips !== null && (kept === null || row.value.annee > kept)) {
      target.fields.ips = row.value.ips;
      target.fields.ips_annee = row.value.annee;
    }
    return null;
  }
}

/** How a DNB session is labelled where it is shown: `DNB session 2024`. */
export function dnbSessionLabel(session: number): string {
  return `DNB session ${session}`;
}

function unmatched(row: FileRow<unknown>, what: string): RowIssue {
  return { location: row.location, reason: `no open establishment with this UAI: ${what} row not joined` };
}
