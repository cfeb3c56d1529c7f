/**
 * Observable Plot names each mark's `<g>` after its type, in English ("rect", "bar",
 * "x-axis tick"), on an element without a role, where ARIA forbids a name (axe-core:
 * aria-prohibited-attr). A mark the chart describes in French (`ariaDescription`) becomes a
 * group named by that description; the others lose the name, which said nothing to a reader.
 */
export function nameMarkGroups(svg: SVGSVGElement): void {
  for (const group of svg.querySelectorAll('g[aria-label]')) {
    const description = group.getAttribute('aria-description');
    if (description === null) {
      group.removeAttribute('aria-label');
      continue;
    }
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', description);
    group.removeAttribute('aria-description');
  }
}
