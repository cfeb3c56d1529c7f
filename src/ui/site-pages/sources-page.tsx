import { REPERES_SOURCE } from '../../domain/reperes-nationaux.ts';
import { SOFTWARE_LICENCES } from '../../domain/software-licences.ts';
import { useAppStore } from '../../state/store.ts';
import { DataPanel } from '../data-panel.tsx';
import { SitePage } from './site-page.tsx';

/**
 * « Sources et licences »: the Données panel as a page (every published table, its sources,
 * licences and millésimes), the study the national repères quote, and the libraries shipped.
 */
export function SourcesPage() {
  const openView = useAppStore((s) => s.openView);
  const s = REPERES_SOURCE;
  return (
    <SitePage view="sources">
      <p>
        Les données de l’observatoire sont construites par son pipeline (<code>npm run pipeline</code>) à partir de fichiers officiels en open data, puis
        publiées avec l’application : chaque table ci-dessous dit d’où elle vient, sous quelle licence et pour quel millésime.
      </p>
      <DataPanel layout="page" onClose={() => openView('carte')} />

      <h2 className="fr-h4">Repères nationaux (vue Territoire)</h2>
      <p>
        {s.publisher}, « {s.study} », {s.published} : chiffres de la {s.survey} des {s.cites} Cités éducatives (millésime {s.millesime}), cités avec la
        ligne du texte de l’étude d’où chacun est tiré. La reproduction de cette publication est soumise à autorisation de l’ANCT : l’observatoire n’en
        reprend que ces courtes citations.
      </p>

      <h2 className="fr-h4">Logiciels</h2>
      <p>L’application s’appuie sur ces bibliothèques libres, livrées avec elle :</p>
      <table className="site-page__storage" data-testid="logiciels">
        <caption className="fr-sr-only">Bibliothèques livrées avec l’application et leur licence</caption>
        <thead>
          <tr>
            <th scope="col">Bibliothèque</th>
            <th scope="col">Rôle</th>
            <th scope="col">Licence</th>
          </tr>
        </thead>
        <tbody>
          {SOFTWARE_LICENCES.map((lib) => (
            <tr key={lib.name}>
              <td>
                <code>{lib.name}</code>
              </td>
              <td>{lib.role}</td>
              <td>{lib.licence}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </SitePage>
  );
}
