import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n.ts';

/**
 * The screen's h1. It takes focus when the screen appears, so keyboard and screen-reader users
 * start at the top of the new screen, and it names the window.
 */
export function PageTitle({ children, title, focus = true }: { children: ReactNode; title: string; focus?: boolean }) {
  const { t } = useT();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
