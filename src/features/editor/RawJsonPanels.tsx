import type { Message } from '../../domain/types';
import { RawJsonEditor } from './RawJsonEditor';
import { applyAllJSON, applyOneJSON, wireJSON, wireJSONOfOne } from './raw-json';

/** The raw JSON of one message, editable (loaded on demand with its parser). */
export function MessageRawJson({ message, onClose }: { message: Message; onClose: () => void }) {
  return (
    <RawJsonEditor
      label="Message JSON"
      initial={wireJSONOfOne(message)}
      onApply={(text) => applyOneJSON(message, text)}
      onClose={onClose}
    />
  );
}

/** The raw JSON of the whole shown path, editable. */
export function ConversationRawJson({ path, onClose }: { path: readonly Message[]; onClose: () => void }) {
  return <RawJsonEditor label="Messages JSON" rows={16} initial={wireJSON(path)} onApply={applyAllJSON} onClose={onClose} />;
}
