/**
 * The pages a French public-service site must have, reached from the footer and by URL
 * (`vue=<view>`): one declaration for the router (state/page-slice.ts), the footer, the pages'
 * titles and the tests.
 */
export const SITE_PAGE_VIEWS = ['accessibilite', 'mentions-legales', 'donnees-personnelles', 'sources'] as const;
export type SitePageView = (typeof SITE_PAGE_VIEWS)[number];

/** Each page's title: its `<h1>`, its `<title>` and its footer link. */
export const SITE_PAGE_TITLES: Readonly<Record<SitePageView, string>> = {
  accessibilite: 'Déclaration d’accessibilité',
  'mentions-legales': 'Mentions légales',
  'donnees-personnelles': 'Données personnelles',
  sources: 'Sources et licences',
};

/** The service's name, in every page title (`<title>`). */
export const SERVICE_NAME = 'Observatoire de la réussite éducative';

/** `<title>` of a page: its own title, then the service's. */
export const documentTitle = (title: string) => `${title} — ${SERVICE_NAME}`;

/**
 * The RGAA state declared (the footer's words, react-dsfr's values). No RGAA audit has been
 * made: the RGAA states that a site with no valid audit result is « non conforme », whatever
 * automated checks find (accessibilite-page.tsx says what those checks cover).
 */
export const ACCESSIBILITY_STATUS = 'non compliant' as const;
export const ACCESSIBILITY_STATUS_LABEL = 'non conforme';

/**
 * What the app keeps in the browser, and nothing else (the « Données personnelles » page lists
 * it; an e2e test compares it with what the browser actually holds).
 */
export const BROWSER_STORAGE = {
  /** The imported actions (src/db/local-actions-storage.ts): one IndexedDB record. */
  indexedDb: { database: 'observatoire-reussite-educative', store: 'actions-locales' },
  /** Where versions before IndexedDB kept the import: read once, moved, then removed. */
  legacyLocalStorageKey: 'observatoire-reussite-educative:actions-locales:v1',
  /** The colour scheme (`light`), written by the DSFR itself and by react-dsfr. */
  dsfrSchemeKey: 'scheme',
  reactDsfrSchemeKey: 'scheme-website-config-default',
} as const;

/** Who puts the observatory online: named in the mentions légales and as the accessibility contact. */
export interface SiteEditeur {
  /** The body (collectivité, préfecture, GIP…) that publishes the observatory. */
  nom: string;
  adresse: string;
  /** Its legal representative, directeur ou directrice de la publication. */
  directionPublication: string;
  /** An address or a form to write to (a service's, not a person's). */
  contact: string;
  /** Who hosts the files: name and address. */
  hebergeur: string;
}

/**
 * Set by the body that publishes the observatory, before it goes online. This version names
 * none, and the pages say so rather than name one.
 */
export const SITE_EDITEUR: SiteEditeur | null = null;
