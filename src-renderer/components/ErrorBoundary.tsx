// Catches a screen that fails to render and shows the problem in words instead of a blank window.
import { Component, type ReactNode } from 'react';
import { messages } from '../messages/index.js';
import { Notice } from './Notice.js';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <section aria-labelledby="crash-heading">
        <h1 id="crash-heading" className="step-heading">
          {messages.errors.heading}
        </h1>
        <Notice tone="problem" role="alert">
          {messages.errors.unexpected} {this.state.error.message}
        </Notice>
      </section>
    );
  }
}
