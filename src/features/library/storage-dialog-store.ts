import { create } from 'zustand';

/** Whether the Storage dialog is open: the storage banner opens it too. */
export const useStorageDialog = create<{ open: boolean; setOpen(open: boolean): void }>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
