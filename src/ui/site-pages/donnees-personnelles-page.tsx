import { BROWSER_STORAGE } from '../../domain/site-pages.ts';
import { SitePage, viewLink } from './site-page.tsx';

/**
 * Données personnelles: none collected, nothing sent; what the browser keeps, as the code
 * keeps it (domain/site-pages.ts `BROWSER_STORAGE`, compared with the browser's own storage
 * by an e2e test), and how to erase it.
 */
export function DonneesPersonnellesPage() {
  const { indexedDb, legacyLocalStorageKey, dsfrSchemeKey, reactDsfrSchemeKey } = BROWSER_STORAGE;
  return (
    <SitePage view="donnees-personnelles">
      <p>
        <strong>L’observatoire ne collecte aucune donnée personnelle et n’envoie rien.</strong> Il ne demande aucun compte, ne dépose aucun cookie et
        n’utilise aucun outil de mesure d’audience. Toutes les requêtes de la page vont au serveur qui la sert, pour y lire le code de l’application et
        les données publiées ; sa politique de sécurité du contenu (CSP) lui interdit d’en adresser à tout autre site. Ce que vous filtrez, cherchez ou
        importez reste dans votre navigateur.
      </p>
      <p>
        Les données affichées portent sur des territoires, des établissements et des structures, jamais sur des personnes : aucun nom, adresse
        électronique ou numéro de téléphone de personne n’est publié.
      </p>

      <h2 className="fr-h4">Ce que votre navigateur garde</h2>
      <table className="site-page__storage" data-testid="stockage-navigateur">
        <caption className="fr-sr-only">Ce que l’observatoire garde dans votre navigateur</caption>
        <thead>
          <tr>
            <th scope="col">Où</th>
            <th scope="col">Quoi, et pourquoi</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              IndexedDB, base <code data-storage="indexeddb">{indexedDb.database}</code> (magasin <code>{indexedDb.store}</code>)
            </td>
            <td>
              Les actions que vous importez (fichier CSV ou XLSX, page Actions), pour les retrouver au prochain chargement. Elles ne quittent pas votre
              navigateur ; « Supprimer les actions locales » les efface.
            </td>
          </tr>
          <tr>
            <td>
              localStorage, clés <code data-storage="localstorage">{dsfrSchemeKey}</code> et <code data-storage="localstorage">{reactDsfrSchemeKey}</code>
            </td>
            <td>Le thème d’affichage (clair), écrit par le Système de design de l’État.</td>
          </tr>
          <tr>
            <td>
              localStorage, clé <code data-storage="localstorage">{legacyLocalStorageKey}</code>
            </td>
            <td>Les actions importées avec une version antérieure : lues une fois, déplacées dans IndexedDB, puis effacées.</td>
          </tr>
          <tr>
            <td>L’adresse de la page, après le signe #</td>
            <td>
              La vue (position de la carte, indicateur, filtres, sélection…), pour la recharger ou la partager. Elle reste dans votre historique de
              navigation : le navigateur n’envoie pas cette partie de l’adresse au serveur.
            </td>
          </tr>
        </tbody>
      </table>
      <p className="fr-mt-2w">
        Pour tout effacer : dans les réglages de votre navigateur, effacez les données de ce site. L’observatoire n’en garde aucune copie ailleurs.
      </p>

      <h2 className="fr-h4">Journaux du serveur</h2>
      <p>
        Comme tout serveur web, celui qui héberge l’observatoire peut noter dans ses journaux techniques l’adresse IP et les fichiers demandés. Ces
        journaux relèvent de l’éditeur et de son hébergeur (voir les <a {...viewLink('mentions-legales')}>mentions légales</a>), pas de l’application.
      </p>
    </SitePage>
  );
}
