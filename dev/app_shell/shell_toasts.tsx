// Renders the shell's toast store with EUI's global toast list.
import React, { useSyncExternalStore } from 'react';
import { EuiGlobalToastList } from '@elastic/eui';
import type { ToastStore } from './toast_store';

export function ShellToasts({ store }: { store: ToastStore }) {
  const toasts = useSyncExternalStore(store.subscribe, store.list);
  return (
    <EuiGlobalToastList
      toasts={toasts.map((toast) => ({
        id: toast.id,
        title: toast.title,
        text: toast.text,
        color: toast.color,
        iconType: toast.color === 'success' ? 'check' : 'error',
      }))}
      dismissToast={(toast) => store.remove(toast.id)}
      toastLifeTimeMs={6000}
    />
  );
}
