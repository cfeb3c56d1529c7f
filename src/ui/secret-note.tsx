import { SECRET_THRESHOLD, secretNote } from '../domain/secret-statistique.ts';

/** The secret statistique note, under every view that shows a hidden value (`< 11`, `masqué`). */
export function SecretNote({ threshold = SECRET_THRESHOLD }: { threshold?: number }) {
  return (
    <p className="fr-text--xs fr-mb-1v" data-testid="secret-note">
      {secretNote(threshold)}.
    </p>
  );
}
