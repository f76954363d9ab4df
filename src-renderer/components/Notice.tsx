// A boxed message: information, success, warning or problem, with an icon-free text label for colour-blind users.
import type { ReactNode } from 'react';

export type NoticeTone = 'info' | 'success' | 'warning' | 'problem';

export function Notice({ tone, children, role }: { tone: NoticeTone; children: ReactNode; role?: 'status' | 'alert' }) {
  return (
    <div className={`notice notice-${tone}`} role={role}>
      {children}
    </div>
  );
}
