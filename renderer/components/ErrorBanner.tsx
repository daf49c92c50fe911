import { useEffect, useRef } from 'react';
import { useT } from '../i18n.ts';
import { useNoticeStore } from '../stores/notice-store.ts';

/**
 * Above the screen: the last success worth saying («Сохранено»), or a failure no action of the
 * user's caused (data a screen loads, a file the system handed over), announced and scrolled into
 * view, until the user dismisses it or something succeeds. Failures of actions stand beside their
 * controls instead (ActionError).
 */
export function ErrorBanner() {
  const { t, error: describe } = useT();
  const error = useNoticeStore((s) => s.error);
  const dismiss = useNoticeStore((s) => s.dismiss);
  const status = useNoticeStore((s) => s.status);
  const banner = useRef<HTMLDivElement>(null);
  const failed = error != null;
  useEffect(() => {
    if (failed) banner.current?.scrollIntoView?.({ block: 'nearest' });
  }, [failed, error]);
  return (
    <>
      <p role="status" className={status ? 'status-line' : 'status-line empty'}>
        {status && t(status.key, status.params)}
      </p>
      <div ref={banner} role="alert" className={failed ? 'error-banner' : 'error-banner empty'}>
        {failed && (
          <>
            <p>
              <strong>{t('error.title')}: </strong>
              {describe(error)}
            </p>
            <button type="button" onClick={dismiss}>
              {t('error.dismiss')}
            </button>
          </>
        )}
      </div>
    </>
  );
}
