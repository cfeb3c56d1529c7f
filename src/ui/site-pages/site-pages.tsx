import { useAppStore } from '../../state/store.ts';
import { AccessibilitePage } from './accessibilite-page.tsx';
import { DonneesPersonnellesPage } from './donnees-personnelles-page.tsx';
import { MentionsLegalesPage } from './mentions-legales-page.tsx';
import { SourcesPage } from './sources-page.tsx';

/** The footer's page the URL asks for (`vue=accessibilite`…), over the map; none on the other views. */
export function SitePages() {
  const view = useAppStore((s) => s.view);
  if (view === 'accessibilite') return <AccessibilitePage />;
  if (view === 'mentions-legales') return <MentionsLegalesPage />;
  if (view === 'donnees-personnelles') return <DonneesPersonnellesPage />;
  if (view === 'sources') return <SourcesPage />;
  return null;
}
