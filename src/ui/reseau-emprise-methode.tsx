import { RESEAU_EMPRISE_METHODE } from '../domain/reseau-emprise.ts';

/** « Comment l’emprise est estimée », one click away wherever a network footprint is shown. */
export function ReseauEmpriseMethode() {
  return (
    <details className="fr-text--xs" data-testid="reseau-emprise-methode">
      <summary>Emprise estimée : comment ?</summary>
      {RESEAU_EMPRISE_METHODE.map((p) => (
        <p key={p} className="fr-text--xs fr-mb-1v">
          {p}
        </p>
      ))}
    </details>
  );
}
