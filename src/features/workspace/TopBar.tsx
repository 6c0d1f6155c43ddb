import { IconButton } from '../../components/ui/Button';
import { keyLabels } from '../../lib/commands/shortcuts';
import { KeyboardIcon, PanelLeftIcon, PanelRightIcon, SearchIcon } from '../../components/ui/icons';
import { NARROW_QUERY, togglePane, useLayoutStore } from './layout-store';
import { ThemeSwitch } from './ThemeSwitch';
import { useMediaQuery } from './use-media';

/** The strip above the panes: pane toggles, the command palette, theme and shortcuts. */
export function TopBar() {
  const narrow = useMediaQuery(NARROW_QUERY);
  const libraryOpen = useLayoutStore((s) => (narrow ? s.drawer === 'library' : !s.panes.library.collapsed));
  const paramsOpen = useLayoutStore((s) => (narrow ? s.drawer === 'params' : !s.panes.params.collapsed));
  const setPaletteOpen = useLayoutStore((s) => s.setPaletteOpen);
  const setShortcutsOpen = useLayoutStore((s) => s.setShortcutsOpen);

  return (
    <div role="toolbar" aria-label="Workspace" className="flex h-10 shrink-0 items-center gap-1 border-b border-line bg-panel px-2">
      <IconButton
        label={libraryOpen ? 'Hide library' : 'Show library'}
        aria-expanded={libraryOpen}
        aria-controls="pane-library"
        data-testid="toggle-library"
        onClick={() => togglePane('library')}
      >
        <PanelLeftIcon />
      </IconButton>
      <button
        type="button"
        data-testid="command-palette-button"
        onClick={() => setPaletteOpen(true)}
        aria-keyshortcuts="Control+K Meta+K"
        className="mx-auto flex h-7 w-full max-w-md min-w-0 items-center gap-2 rounded-md border border-line bg-sunken px-2.5 text-[12.5px] text-muted hover:border-faint focus-visible:outline-2 focus-visible:outline-accent"
      >
        <SearchIcon />
        <span className="truncate">Search conversations and commands…</span>
        <kbd className="ml-auto hidden shrink-0 font-sans text-[11px] text-muted sm:inline">{keyLabels('Mod+K').join(' ')}</kbd>
      </button>
      <ThemeSwitch />
      <IconButton
        label="Keyboard shortcuts"
        data-testid="shortcuts-button"
        aria-keyshortcuts="Shift+?"
        onClick={() => setShortcutsOpen(true)}
      >
        <KeyboardIcon />
      </IconButton>
      <IconButton
        label={paramsOpen ? 'Hide settings' : 'Show settings'}
        aria-expanded={paramsOpen}
        aria-controls="pane-params"
        data-testid="toggle-params"
        onClick={() => togglePane('params')}
      >
        <PanelRightIcon />
      </IconButton>
    </div>
  );
}
