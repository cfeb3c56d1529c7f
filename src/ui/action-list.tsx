import { financementText, vocabularyLabels } from '../view-models/action-labels.ts';
import type { Row } from './use-territory-data.ts';

/** A short list of actions (title, commune, tranches, financement); each opens its fiche. */
export function ActionList({ rows, empty, onOpen, testId = 'action-list' }: { rows: readonly Row[] | null; empty: string; onOpen?: (id: string) => void; testId?: string }) {
  if (rows === null) return <p className="fr-text--sm">Chargement…</p>;
  if (rows.length === 0) return <p className="fr-text--sm">{empty}</p>;
  return (
    <ul className="action-list" data-testid={testId}>
      {rows.map((a) => (
        <li key={String(a.id)} data-action-id={String(a.id)} data-locale={a.locale === true}>
          {onOpen ? (
            <button type="button" className="action-list__title" onClick={() => onOpen(String(a.id))}>
              {String(a.titre)}
            </button>
          ) : (
            <span className="action-list__title">{String(a.titre)}</span>
          )}
          {a.locale === true && <span className="fr-badge fr-badge--sm fr-badge--info territoire__badge">locale</span>}
          <span className="action-list__detail">
            {[a.commune ? String(a.commune).replaceAll('|', ', ') : 'sans commune', vocabularyLabels('tranches', a.tranches).join(', ') || 'tranches non renseignées', `financement : ${financementText(a.financement)}`].join(' · ')}
          </span>
        </li>
      ))}
    </ul>
  );
}
