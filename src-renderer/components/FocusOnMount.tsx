// What a button just brought onto the screen takes the keyboard focus (issue 16, point 6), so the focus
// never drops to the page when the button that had it disappears. The ring shows for keyboard use only.
import { useEffect, useRef, type ReactNode } from 'react';

export function FocusOnMount({ children, testId }: { children: ReactNode; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, []);
  return (
    <div ref={box} tabIndex={-1} className="focus-target" data-testid={testId}>
      {children}
    </div>
  );
}
