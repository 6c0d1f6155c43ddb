import { Menu, MenuItem } from '../../components/ui/Menu';
import { MoreIcon } from '../../components/ui/icons';

export interface MenuAction {
  label: string;
  run: () => void;
}

/** A small menu of further actions; portalled and fixed-positioned so the scrolling list never clips it. */
export function ItemMenu({ actions, label }: { actions: MenuAction[]; label: string }) {
  return (
    <Menu
      label={label}
      portal
      className="contents"
      button={<MoreIcon />}
      buttonClassName="inline-flex items-center justify-center rounded-md h-7 w-7 text-muted hover:text-fg hover:bg-sunken focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-40"
      menuClassName="z-40 w-[200px] rounded-md border border-line bg-raised py-1 shadow-lg"
    >
      {actions.map((a) => (
        <MenuItem
          key={a.label}
          onSelect={a.run}
          className="block w-full px-3 py-1.5 text-left text-[13px] text-fg hover:bg-sunken focus:bg-sunken focus:outline-none"
        >
          {a.label}
        </MenuItem>
      ))}
    </Menu>
  );
}
