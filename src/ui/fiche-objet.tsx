import type { Table } from 'apache-arrow';
import type { Manifest } from '../data/manifest.ts';
import { loadManifest } from '../data/published-data.ts';
import { useLoaded } from '../data/use-loaded.ts';
import { rowsOf, tableRows } from '../domain/connector.ts';
import { natureLabel } from '../domain/etablissement-nature.ts';
import { formatValue } from '../domain/format-fr.ts';
import { lieuCategorie } from '../domain/lieu-categories.ts';
import { sourceEntries } from '../export/csv-fr.ts';
import { sourcesById } from '../export/export-sources.ts';
import { useSql } from '../db/use-sql.ts';
import { buildFicheLinksQuery, buildFicheObjetQuery, buildQpvNamesQuery, type FicheLink } from '../queries/fiche-objet-queries.ts';
import type { SelectedObject } from '../domain/selected-object.ts';
import { useAppStore } from '../state/store.ts';
import { ficheObjetFields } from '../view-models/fiche-objet-fields.ts';
import { ActionFiche } from './action-fiche.tsx';
import { ReseauEmpriseMethode } from './reseau-emprise-methode.tsx';
import { SecretNote } from './secret-note.tsx';

const TITLES: Record<SelectedObject['kind'], string> = {
  etablissement: 'Établissement scolaire',
  lieu: 'Lieu partenaire',
  pre: 'Programme de réussite éducative',
  cite: 'Cité éducative',
  action: 'Action éducative',
  reseau: 'Réseau d’éducation prioritaire',
};

/**
 * A field's value as shown: numbers in French, the annuaire's natures and the places'
 * categories in words, a source of the registry by its publisher, millésime and licence.
 */
function display(field: string, value: unknown, manifest: Manifest | null): string {
  if (typeof value === 'number') return formatValue(value, '');
  const text = String(value);
  if (field === 'Nature') return natureLabel(text);
  if (field === 'Catégorie') return lieuCategorie(text)?.label ?? text;
  if (field === 'Source' && manifest !== null) return sourceEntries(sourcesById(manifest, [text]))[0] ?? text;
  return text;
}

/** Tables an object's fiche and its links read, whatever its kind. */
const FICHE_OBJET_TABLES = ['etablissements', 'dnb_sessions', 'lieux', 'pre', 'cites', 'reseaux_ep', 'actions', 'qpv', 'territoires'] as const;

/** A row of `buildQpvNamesQuery`. */
interface QpvLink {
  code: string;
  nom: string;
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}

/** The rows of `buildFicheLinksQuery` under their sections, in order. */
function linksBySection(table: Table): Map<string, FicheLink[]> {
  const sections = new Map<string, FicheLink[]>();
  for (const link of rowsOf<FicheLink>()(table)) sections.set(link.section, [...(sections.get(link.section) ?? []), link]);
  return sections;
}

/** The fiche of a school, place, PRE, Cité, action or network, beside the map. */
export function FicheObjet({ object }: { object: SelectedObject }) {
  const selectObject = useAppStore((s) => s.selectObject);
  if (object.kind === 'action') {
    return (
      <section className="side-panel fiche" role="dialog" aria-modal="false" aria-labelledby="action-fiche-title" data-testid="fiche-objet" data-kind="action">
        <ActionFiche id={object.id} onClose={() => selectObject(null)} />
      </section>
    );
  }
  return <TableObjectFiche object={{ ...object, kind: object.kind }} />;
}

function TableObjectFiche({ object }: { object: SelectedObject & { kind: Exclude<SelectedObject['kind'], 'action'> } }) {
  const selectObject = useAppStore((s) => s.selectObject);
  const selectQpv = useAppStore((s) => s.selectQpv);
  const focusOn = useAppStore((s) => s.focusOn);
  const { data: manifest } = useLoaded(loadManifest);
  const result = useSql(buildFicheObjetQuery(object), (t) => tableRows(t)[0] ?? null, FICHE_OBJET_TABLES);
  const row = result.data;
  const { fields, hasSecret } = row ? ficheObjetFields(row) : { fields: [], hasSecret: false };
  const codes = row && typeof row.qpv_lies === 'string' && row.qpv_lies !== '' ? [...new Set(row.qpv_lies.split(','))] : [];
  const names = useSql(codes.length > 0 ? buildQpvNamesQuery(codes) : null, (t) => new Map(rowsOf<QpvLink>()(t).map((r) => [r.code, r])), ['qpv']);
  // Each QPV with its name and box once known.
  const qpv = codes.map((code) => ({ code, known: names.data?.get(code) }));
  const linksSql = buildFicheLinksQuery(object);
  const links = useSql(linksSql, linksBySection, FICHE_OBJET_TABLES);
  // Not the previous object's links while this one's are queried.
  const sections = links.status === 'ready' && links.sql === linksSql ? links.data : null;
  /** A linked object's fiche, with the map on it. */
  const open = (link: FicheLink) => {
    selectObject({ kind: link.kind, id: link.id });
    if (link.xmin !== null && link.ymin !== null && link.xmax !== null && link.ymax !== null) focusOn([link.xmin, link.ymin, link.xmax, link.ymax]);
  };
  const title = row ? String(fields[0]?.[1] ?? object.id) : object.id;

  return (
    <section className="side-panel fiche" role="dialog" aria-modal="false" aria-labelledby="fiche-objet-title" data-testid="fiche-objet" data-kind={object.kind}>
      <div className="data-panel__head">
        <div>
          <p className="fr-badge fr-badge--sm fr-badge--blue-ecume fr-mb-1v">{TITLES[object.kind]}</p>
          <h2 id="fiche-objet-title" className="fr-h5">
            {title}
          </h2>
        </div>
        <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-close-line" title="Fermer la fiche" onClick={() => selectObject(null)}>
          Fermer
        </button>
      </div>
      {result.error !== null && <p className="fr-error-text">Fiche indisponible : {result.error}</p>}
      {result.status === 'ready' && row === null && <p>Aucun objet « {object.id} » dans les données publiées.</p>}
      {row && (
        <dl className="fiche-objet__fields">
          {fields.slice(1).map(([field, value]) => (
            <div key={field}>
              <dt className="fr-text--sm fr-text--bold fr-mb-0">{field}</dt>
              <dd className="fr-text--sm">{display(field, value, manifest)}</dd>
            </div>
          ))}
        </dl>
      )}
      {row && object.kind === 'reseau' && <ReseauEmpriseMethode />}
      {row && hasSecret && <SecretNote />}
      {row &&
        [...(sections ?? [])].map(([section, objects]) => (
          <section key={section} aria-label={section}>
            <h3 className="fr-text--md fr-mb-1v">{section}</h3>
            <ul className="fiche-objet__links">
              {objects.map((l) => (
                <li key={l.id}>
                  <button type="button" className="fr-link fr-text--sm" onClick={() => open(l)}>
                    {l.label}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      {qpv.length > 0 && (
        <>
          <h3 className="fr-text--md fr-mb-1v">QPV concernés</h3>
          <ul className="fiche-objet__links">
            {qpv.map(({ code, known }) => (
              <li key={code}>
                <button
                  type="button"
                  className="fr-link fr-text--sm"
                  onClick={() => {
                    selectQpv(code);
                    if (known) focusOn([known.xmin, known.ymin, known.xmax, known.ymax]);
                  }}
                >
                  {known ? `${known.nom} (${code})` : code}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
