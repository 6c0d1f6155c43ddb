import { useId, useMemo, useState } from 'react';
import { inputClass } from '../../components/ui/Field';

/**
 * A searchable combobox over the listed models; any text is a valid model id, because many
 * servers list nothing useful (or need an id they do not list).
 */
export function ModelPicker({ value, options, onChange }: { value: string; options: string[]; onChange: (model: string) => void }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();
  const filtered = useMemo(() => {
    const q = (query ?? '').trim().toLowerCase();
    return (q === '' ? options : options.filter((o) => o.toLowerCase().includes(q))).slice(0, 200);
  }, [options, query]);
  const choose = (model: string) => {
    onChange(model);
    setQuery(null);
    setOpen(false);
  };
  return (
    <div className="relative min-w-0 flex-1">
      <input
        data-testid="model-input"
        role="combobox"
        aria-expanded={open && filtered.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-label="Model"
        aria-activedescendant={open && filtered[active] ? `${listId}-${active}` : undefined}
        value={value}
        spellCheck={false}
        autoComplete="off"
        placeholder="model id"
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onChange={(e) => {
          onChange(e.target.value);
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, filtered.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && open && filtered[active] !== undefined && query !== null) {
            e.preventDefault();
            choose(filtered[active]);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
        className={`${inputClass} font-mono text-[12.5px]`}
      />
      {open && filtered.length > 0 ? (
        <ul
          id={listId}
          role="listbox"
          aria-label="Models"
          className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-line bg-raised py-1 shadow-lg"
        >
          {filtered.map((m, i) => (
            <li
              key={m}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={m === value}
              data-testid="model-option"
              onMouseDown={(e) => {
                e.preventDefault(); // keep focus; choose before blur closes the list
                choose(m);
              }}
              onMouseEnter={() => setActive(i)}
              className={`cursor-pointer truncate px-2.5 py-1 font-mono text-[12px] ${i === active ? 'bg-accent-soft text-fg' : 'text-muted'} ${m === value ? 'font-semibold' : ''}`}
            >
              {m}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
