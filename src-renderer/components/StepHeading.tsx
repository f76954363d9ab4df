// A screen's heading; it takes the keyboard focus when the screen appears, so screen readers announce
// the new step and Tab continues from the top of it.
import { useEffect, useRef, type ReactNode } from 'react';

export function StepHeading({ children, id }: { children: ReactNode; id?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <h1 ref={heading} id={id} tabIndex={-1} className="step-heading">
      {children}
    </h1>
  );
}
