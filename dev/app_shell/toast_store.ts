// The shell's notifications: a tiny store the toast list subscribes to (Kibana has core toasts).
import type { AppNotifications } from '../../public/services';

export interface ShellToast {
  id: string;
  title: string;
  text?: string;
  color: 'success' | 'danger';
}

export interface ToastStore extends AppNotifications {
  list(): ShellToast[];
  remove(id: string): void;
  subscribe(listener: () => void): () => void;
}

export function createToastStore(): ToastStore {
  let toasts: ShellToast[] = [];
  let next = 0;
  const listeners = new Set<() => void>();
  const set = (value: ShellToast[]) => {
    toasts = value;
    listeners.forEach((listener) => listener());
  };
  const add = (color: ShellToast['color'], title: string, text?: string) =>
    set([...toasts, { id: String(next++), title, text, color }]);
  return {
    success: (title, text) => add('success', title, text),
    danger: (title, text) => add('danger', title, text),
    list: () => toasts,
    remove: (id) => set(toasts.filter((toast) => toast.id !== id)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
