import { IconButton } from '../../components/ui/Button';
import { useCommandStore } from '../../lib/commands/commands';
import { CloseIcon } from '../../components/ui/icons';
import { useLayoutStore } from './layout-store';
import { Dialog } from '../../components/ui/Dialog';
import { keyLabels, useShortcutStore, type ShortcutInfo } from '../../lib/commands/shortcuts';

/** 'Mod+K' as key caps; 'Alt+↑ / Alt+↓' as two alternatives. */
function Keys({ keys }: { keys: string }) {
  return (
    <span className="flex shrink-0 items-center gap-1">
      {keys.split(' / ').map((alt, a) => (
        <span key={a} className="flex items-center gap-1">
          {a > 0 ? <span className="text-[11px] text-muted">or</span> : null}
          {keyLabels(alt).map((k, i) => (
            <kbd key={i} className="min-w-6 rounded border border-line bg-sunken px-1.5 py-0.5 text-center font-sans text-[11.5px] text-fg">
              {k}
            </kbd>
          ))}
        </span>
      ))}
    </span>
  );
}

/** Every shortcut: those of registered commands, then each feature's own section. */
export default function ShortcutsDialog() {
  const open = useLayoutStore((s) => s.shortcutsOpen);
  const setOpen = useLayoutStore((s) => s.setShortcutsOpen);
  const commands = useCommandStore((s) => s.commands);
  const sections = useShortcutStore((s) => s.sections);

  const general: ShortcutInfo[] = Object.values(commands)
    .filter((c) => c.shortcut)
    .map((c) => ({ keys: c.shortcut!, description: c.title }));
  const all: [string, ShortcutInfo[]][] = [['General', general], ...Object.entries(sections)];

  return (
    <Dialog open={open} onClose={() => setOpen(false)} label="Keyboard shortcuts" testId="shortcuts-dialog">
      <div className="flex items-center border-b border-line px-4 py-2.5">
        <h2 className="text-[14px] font-semibold">Keyboard shortcuts</h2>
        <IconButton label="Close" className="ml-auto" onClick={() => setOpen(false)}>
          <CloseIcon />
        </IconButton>
      </div>
      {/* Focusable so keyboard users can scroll a list longer than the screen. */}
      <div tabIndex={0} aria-label="Shortcut list" className="max-h-[70vh] space-y-4 overflow-y-auto px-4 py-3">
        {all
          .filter(([, list]) => list.length > 0)
          .map(([section, list]) => (
            <section key={section}>
              <h3 className="mb-1.5 text-[11px] font-semibold tracking-wide text-muted uppercase">{section}</h3>
              <dl className="divide-y divide-line rounded-md border border-line">
                {list.map((s) => (
                  <div key={`${s.keys}-${s.description}`} className="flex items-center gap-3 px-3 py-1.5 text-[13px]">
                    <dt className="min-w-0 flex-1">{s.description}</dt>
                    <dd>
                      <Keys keys={s.keys} />
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
      </div>
    </Dialog>
  );
}
