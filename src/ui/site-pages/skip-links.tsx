import type { MouseEvent } from 'react';
import { useAppStore } from '../../state/store.ts';

/** Where each skip link leads: the element with this id, or what to focus in it. */
const TARGETS = {
  contenu: 'Aller au contenu',
  carte: 'Aller à la carte',
  recherche: 'Aller à la recherche',
  'pied-de-page': 'Aller au pied de page',
} as const;
type Target = keyof typeof TARGETS;

/** The element a skip link focuses: the page's heading over the map, the map's own canvas (it pans from the keyboard), the search field. */
function focusTarget(target: Target): HTMLElement | null {
  const root = document.getElementById(target);
  if (root === null) return null;
  if (target === 'contenu') return root.querySelector<HTMLElement>(':scope > .page-view :is(h1, h2)') ?? root;
  if (target === 'carte') return root.querySelector<HTMLElement>('canvas.maplibregl-canvas');
  if (target === 'recherche') return root.querySelector<HTMLElement>('input');
  return root;
}

/**
 * The DSFR skip links (« Accès rapide »), first in the page. The URL's hash holds the app's
 * state, so a link does not go to `#id`: it focuses its target itself (made focusable for the
 * time it holds the focus if it is not). Over a full page only the content and the footer are
 * offered: the map and its search lie under it.
 */
export function SkipLinks() {
  const view = useAppStore((s) => s.view);
  const targets: Target[] = view === 'carte' ? ['contenu', 'carte', 'recherche', 'pied-de-page'] : ['contenu', 'pied-de-page'];
  const go = (target: Target) => (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    const element = focusTarget(target);
    if (element === null) return;
    if (element.tabIndex < 0 && !element.hasAttribute('tabindex')) {
      element.setAttribute('tabindex', '-1');
      element.addEventListener('blur', () => element.removeAttribute('tabindex'), { once: true });
    }
    element.focus();
    element.scrollIntoView({ block: 'nearest' });
  };
  return (
    <div className="fr-skiplinks">
      <nav className="fr-container" role="navigation" aria-label="Accès rapide">
        <ul className="fr-skiplinks__list">
          {targets.map((t) => (
            <li key={t}>
              <a className="fr-link" href={`#${t}`} onClick={go(t)}>
                {TARGETS[t]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
