import { Component, type ReactNode, Suspense } from 'react';

interface LazyPartProps {
  /** What the part is, in French after « Impossible d’afficher » (« les filtres »). */
  what: string;
  fallback: ReactNode;
  children: ReactNode;
}

/**
 * A part of the page whose code loads on first use (React.lazy): `fallback` while it loads;
 * if it cannot be loaded or shown (a new version published meanwhile, the network gone), a
 * sentence in its place rather than the whole page unmounted, and the error in the console.
 */
export class LazyPart extends Component<LazyPartProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(`lazy part (${this.props.what}):`, error);
  }

  override render(): ReactNode {
    if (this.state.failed) return <p className="fr-error-text">Impossible d’afficher {this.props.what} : rechargez la page.</p>;
    return <Suspense fallback={this.props.fallback}>{this.props.children}</Suspense>;
  }
}
