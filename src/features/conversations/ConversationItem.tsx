import { useState } from 'react';
import { IconButton } from '../../components/ui/Button';
import { PencilIcon, TrashIcon } from '../../components/ui/icons';
import type { Conversation } from '../../domain/types';
import { deleteConversation, renameConversation } from '../../lib/db/conversations-repo';
import { stopRun } from '../chat/run-service';
import { useWorkspaceStore } from './workspace-store';

export function ConversationItem({ conversation, active, onOpen }: { conversation: Conversation; active: boolean; onOpen: () => void }) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(conversation.title);

  const commit = () => {
    setEditing(false);
    if (title.trim() !== conversation.title) void renameConversation(conversation.id, title);
  };
  const remove = () => {
    if (!window.confirm(`Delete “${conversation.title}”? This cannot be undone.`)) return;
    stopRun(conversation.id); // no tokens are spent on a conversation that is gone
    if (useWorkspaceStore.getState().activeConversationId === conversation.id) useWorkspaceStore.getState().open(null);
    void deleteConversation(conversation.id);
  };

  return (
    <li data-testid="conversation-item" data-conversation-id={conversation.id} className={`group flex items-center rounded-md ${active ? 'bg-accent-soft' : 'hover:bg-sunken'}`}>
      {editing ? (
        <input
          autoFocus
          aria-label="Conversation title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              setTitle(conversation.title);
              setEditing(false);
            }
          }}
          className="m-1 h-7 flex-1 rounded border border-accent bg-raised px-2 text-[13px]"
        />
      ) : (
        <button type="button" onClick={onOpen} aria-current={active ? 'page' : undefined} className={`min-w-0 flex-1 truncate px-2.5 py-1.5 text-left text-[13px] ${active ? 'font-medium text-fg' : 'text-muted'}`}>
          {conversation.title}
        </button>
      )}
      {!editing ? (
        <span className="flex pr-1 opacity-0 group-hover:opacity-100 focus-within:opacity-100">
          <IconButton
            label="Rename"
            onClick={() => {
              setTitle(conversation.title);
              setEditing(true);
            }}
          >
            <PencilIcon />
          </IconButton>
          <IconButton label="Delete" onClick={remove}>
            <TrashIcon />
          </IconButton>
        </span>
      ) : null}
    </li>
  );
}
