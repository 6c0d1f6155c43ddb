import { asMessageId } from '../../domain/ids';
import { useState } from 'react';
import type { Message } from '../../domain/types';
import { moveMessageTo } from './editor-actions';

const TYPE = 'application/x-playground-message';

/** Drag a message by its handle and drop it on another message to move it there. */
export function useMessageDrag(message: Message, enabled: boolean) {
  const [over, setOver] = useState(false);
  const handle = {
    draggable: enabled,
    onDragStart: (e: React.DragEvent) => {
      e.dataTransfer.setData(TYPE, message.id);
      e.dataTransfer.effectAllowed = 'move';
    },
  };
  const target = {
    onDragOver: (e: React.DragEvent) => {
      if (!enabled || !e.dataTransfer.types.includes(TYPE)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (e: React.DragEvent) => {
      const id = e.dataTransfer.getData(TYPE);
      setOver(false);
      if (!id || id === message.id) return;
      e.preventDefault();
      void moveMessageTo({ ...message, id: asMessageId(id) }, message.id);
    },
  };
  return { handle, target, over };
}
