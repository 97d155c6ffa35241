import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from './button';
import styles from './error-boundary.module.css';

export interface ErrorBoundaryProps {
  /** What failed, e.g. "The ticket list". */
  what: string;
  children: ReactNode;
  /** Changing it (e.g. the route) clears the error. */
  resetKey?: unknown;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

/** Keeps one panel's crash inside that panel, with a way to try again. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  state: State = { error: null, resetKey: undefined };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { resetKey: props.resetKey, error: null };
    return null;
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className={styles.box}>
        <p className={styles.title}>{`${this.props.what} could not be shown.`}</p>
        <p className={styles.detail}>{this.state.error.message}</p>
        <Button variant="secondary" onClick={() => this.setState({ error: null })}>
          Try again
        </Button>
      </div>
    );
  }
}
