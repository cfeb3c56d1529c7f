/** French format of counts, shared by panels, charts and tables (distances: `formatDistance` in the domain). */
const integer = new Intl.NumberFormat('fr-FR');

export const formatCount = (n: number) => integer.format(n);
