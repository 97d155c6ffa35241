import { Component, type ErrorInfo, type ReactNode } from 'react';
import { QueryError } from './query-error';

export interface ErrorBoundaryProps {
  /** The whole sentence shown when it fails, e.g. "The ticket list could not be shown." */
  title: string;
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
      <QueryError title={this.props.title} error={this.state.error} onRetry={() => this.setState({ error: null })} />
    );
  }
}
