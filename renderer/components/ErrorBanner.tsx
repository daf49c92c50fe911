import { useT } from '../i18n.ts';
import { useNoticeStore } from '../stores/notice-store.ts';

/** The last error, announced to screen readers, until the user dismisses it. */
export function ErrorBanner() {
  const { t, error: describe } = useT();
  const error = useNoticeStore((s) => s.error);
  const dismiss = useNoticeStore((s) => s.dismiss);
  const status = useNoticeStore((s) => s.status);
  return (
    <>
      <p role="status" className={status ? 'status-line' : 'status-line empty'}>
        {status && t(status.key, status.params)}
      </p>
    <div role="alert" className={error != null ? 'error-banner' : 'error-banner empty'}>
      {error != null && (
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
