/** French formats of counts and distances, shared by panels, charts and tables. */
const integer = new Intl.NumberFormat('fr-FR');
const oneDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

export const formatCount = (n: number) => integer.format(n);

/** A straight-line distance: metres under 1 km, else km with one decimal. */
export function formatDistance(metres: number): string {
  return metres < 1000 ? `${integer.format(Math.round(metres))} m` : `${oneDecimal.format(metres / 1000)} km`;
}
