import { useEffect, useRef, useState } from 'react';
import { Button } from '../../components/ui/Button';
import { Dialog } from './Dialog';
import { ImportProgress, type FileProgress } from './ImportProgress';
import { importFile, importText, MAX_IMPORT_MB } from './share-actions';

/**
 * Paste a share link, a conversation file's JSON, an OpenAI request body or a messages array; or
 * import the chosen files, with progress and Cancel (closing the dialog cancels too).
 */
export function ImportDialog({ files, onChooseFile, onClose }: { files: readonly File[]; onChooseFile: () => void; onClose: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<FileProgress | null>(null);
  const abort = useRef<AbortController | null>(null);
  const started = useRef<readonly File[] | null>(null);

  useEffect(() => {
    // Once per choice of files (not again when StrictMode runs effects twice).
    if (files.length === 0 || started.current === files) return;
    started.current = files;
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    void (async () => {
      // Like before there was progress to show: the dialog closes when the files are in, or not
      // (a failure or Cancel is said in a toast, as for every import).
      for (const file of files) {
        setProgress({ name: file.name, phase: 'reading', bytes: 0, total: file.size });
        const outcome = await importFile(file, { signal: controller.signal, onProgress: (p) => setProgress({ name: file.name, ...p }) });
        if (!outcome.ok && controller.signal.aborted) break;
      }
      setProgress(null);
      if (!controller.signal.aborted) onClose();
    })();
  }, [files, onClose]);

  const close = () => {
    abort.current?.abort();
    onClose();
  };
  const run = async () => {
    setBusy(true);
    const outcome = await importText(text);
    setBusy(false);
    if (outcome.ok) onClose();
    else setError(outcome.error.message);
  };
  return (
    <Dialog title="Import" label="Import" onClose={close}>
      <div className="space-y-3">
        <p className="text-[12.5px] text-muted">
          A conversation file or backup (<code className="font-mono">.chat.json</code>, any version, up to {MAX_IMPORT_MB} MB), an exported
          HTML page, a share link, or a plain OpenAI request body or <code className="font-mono">messages</code> array. Everything is
          checked before anything is saved; a conversation already here is never replaced without asking.
        </p>
        {progress ? <ImportProgress progress={progress} onCancel={close} /> : <Button onClick={onChooseFile}>Choose a file…</Button>}
        <label className="block text-[12px] font-medium text-muted">
          …or paste it here
          <textarea
            data-testid="import-text-input"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            rows={7}
            spellCheck={false}
            placeholder='https://…#share=…   or   {"model": "…", "messages": [...]}'
            className="mt-1 block w-full resize-y rounded-md border border-line bg-sunken p-2 font-mono text-[11.5px] text-fg outline-none focus:border-accent"
          />
        </label>
        {error ? (
          <div data-testid="import-error" role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-[12px] text-danger">
            Nothing was imported. {error}
          </div>
        ) : null}
        <div className="flex justify-end">
          <Button variant="primary" disabled={busy || progress !== null || text.trim() === ''} onClick={() => void run()}>
            Import
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
