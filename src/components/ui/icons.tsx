import type { SVGProps } from 'react';

/** A few stroke icons, drawn inline so no icon font or network request is needed. */
function Icon({ d, ...props }: SVGProps<SVGSVGElement> & { d: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      {...props}
    >
      <path d={d} />
    </svg>
  );
}

export const PlusIcon = () => <Icon d="M12 5v14M5 12h14" />;
export const TrashIcon = () => <Icon d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13" />;
export const PencilIcon = () => <Icon d="M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4" />;
export const SendIcon = () => <Icon d="M5 12h13M13 6l6 6-6 6" />;
export const StopIcon = () => <Icon d="M7 7h10v10H7z" />;
export const CopyIcon = () => <Icon d="M9 9h10v11H9zM5 15V4h10" />;
export const CheckIcon = () => <Icon d="M5 12l5 5L20 7" />;
export const RefreshIcon = () => <Icon d="M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7" />;
export const ChevronIcon = ({ open }: { open: boolean }) => <Icon d={open ? 'M6 9l6 6 6-6' : 'M9 6l6 6-6 6'} />;
export const ToolIcon = () => <Icon d="M14.7 6.3a4 4 0 0 0-5.4 5.4L4 17l3 3 5.3-5.3a4 4 0 0 0 5.4-5.4l-2.5 2.5-2.5-2.5z" />;
export const AlertIcon = () => (
  <Icon d="M12 8v5M12 16.5v.5M10.3 3.9L2.6 17.5A2 2 0 0 0 4.3 20.5h15.4a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z" />
);
export const PinIcon = () => <Icon d="M9 4h6l-1 5 4 4H6l4-4-1-5zM12 13v7" />;
export const MoreIcon = () => <Icon d="M5 12h.01M12 12h.01M19 12h.01" strokeWidth="3" />;
export const SearchIcon = () => <Icon d="M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM20 20l-4-4" />;
export const DatabaseIcon = () => (
  <Icon d="M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zM4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3" />
);
export const PanelLeftIcon = () => <Icon d="M4 5h16v14H4zM9 5v14" />;
export const PanelRightIcon = () => <Icon d="M4 5h16v14H4zM15 5v14" />;
export const SunIcon = () => (
  <Icon d="M12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
);
export const MoonIcon = () => <Icon d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z" />;
export const MonitorIcon = () => <Icon d="M3 5h18v11H3zM8 20h8M12 16v4" />;
export const KeyboardIcon = () => <Icon d="M3 7h18v10H3zM7 11h.01M11 11h.01M15 11h.01M8 14h8" />;
export const CloseIcon = () => <Icon d="M6 6l12 12M18 6L6 18" />;
