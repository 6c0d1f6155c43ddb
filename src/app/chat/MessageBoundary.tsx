import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ROLE_LABEL, type Message } from '../../domain/types';

interface Props {
  message: Message;
  children: ReactNode;
}

interface State {
  /** Why the message failed to render, or null. */
  error: string | null;
  /** The version of the message that failed: a new version is tried again. */
  failedFor: Message | null;
}

/** The text of a message whatever its row holds: a corrupt row must not break the fallback too. */
function safeText(message: Message): string {
  const parts = Array.isArray(message.content) ? message.content : [];
  return parts
    .map((part) => (part && typeof part === 'object' && part.type === 'text' ? String((part as { text: unknown }).text ?? '') : ''))
    .join('');
}

/**
 * One message that fails to render (a corrupt row, a parser bug, a stack overflow on hostile
 * markdown) shows its plain text with a note; the rest of the conversation and the app go on.
 * Tried again once the message changes (an edit, a new version from another tab).
 */
export class MessageBoundary extends Component<Props, State> {
  override state: State = { error: null, failedFor: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (state.error === null) return null;
    if (state.failedFor === null) return { failedFor: props.message };
    return state.failedFor === props.message ? null : { error: null, failedFor: null };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A message could not be rendered; showing its plain text', error, info.componentStack);
  }

  override render(): ReactNode {
    const { message } = this.props;
    if (this.state.error === null) return this.props.children;
    return (
      <article
        data-testid="message"
        data-role={message.role}
        data-message-id={message.id}
        data-render-failed="true"
        aria-label={`${ROLE_LABEL[message.role] ?? 'Unknown'} message`}
        className="rounded-xl px-4 py-3"
      >
        <header className="mb-1.5 text-[12px] font-semibold uppercase tracking-wide text-muted">
          {ROLE_LABEL[message.role] ?? String(message.role)}
        </header>
        <p
          data-testid="message-render-failed"
          role="note"
          title={this.state.error}
          className="mb-2 rounded-md bg-warn-soft px-2 py-1 text-[12px] text-warn"
        >
          This message could not be displayed, so its plain text is shown. The error is in the browser console.
        </p>
        <div data-testid="message-content" className="whitespace-pre-wrap break-words text-[14px]">
          {safeText(message)}
        </div>
      </article>
    );
  }
}
