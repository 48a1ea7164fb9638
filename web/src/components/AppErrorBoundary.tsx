import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { StatusMessage } from './StatusMessage';

interface State {
  error: Error | null;
}

/** Last line of defence: anything that escapes the router's own error pages lands here. */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Inflow dashboard crashed', error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <StatusMessage
        fullPage
        color="red"
        icon={<IconAlertTriangle size={28} />}
        title="Something went wrong"
        description="The dashboard hit an unexpected error. Reloading usually fixes it; your data is safe."
        actions={<Button onClick={() => window.location.reload()}>Reload the page</Button>}
      />
    );
  }
}
