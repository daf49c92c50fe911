import type { AuditView } from '../../../shared/domain/chair.ts';
import { isMessageKey } from '../../../shared/i18n/index.ts';
import { call } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n.ts';
import { useLoad } from '../organise/use-load.ts';

/**
 * The order a tie decision set, by names: "1. Title (id); 2. Title (id)". Entries journaled before
 * names were recorded hold the ids alone.
 */
function orderOf(order: unknown): string {
  if (!Array.isArray(order)) return '';
  const named = order.map((e: unknown) => (typeof e === 'string' ? e : typeof e === 'object' && e !== null && 'id' in e && 'title' in e ? `${String(e.title)} (${String(e.id)})` : ''));
  return named.map((name, i) => `${String(i + 1)}. ${name}`).join('; ');
}

/** One detail of an entry in words: the fields that say what happened, never raw JSON. */
function useDetail() {
  const { t } = useT();
  return (entry: AuditView): string => {
    const d = entry.detail;
    const text = (key: string) => (typeof d[key] === 'string' || typeof d[key] === 'number' ? String(d[key]) : '');
    const reason = d.reason as { code?: string; params?: Record<string, string | number> } | string | null | undefined;
    switch (entry.action) {
      case 'bundle.accepted':
      case 'bundle.superseded':
      case 'bundle.duplicate':
      case 'bundle.refused': {
        const why = reason && typeof reason === 'object' && reason.code && isMessageKey(reason.code) ? t(reason.code, reason.params ?? {}) : '';
        return [t('audit.detail.bundle', { file: text('file'), sequence: text('sequence') || '—', revision: text('revision') || '—' }), why].filter(Boolean).join(' ');
      }
      case 'key.confirmed':
        return t('audit.detail.key', { file: text('file'), fingerprint: text('fingerprint') });
      case 'tie.decided':
      case 'tie.withdrawn':
        return t('audit.detail.tie', { order: orderOf(d.order), reason: typeof reason === 'string' ? reason : '' });
      case 'results.signed':
        return t('audit.detail.signed', { digest: text('digest'), fingerprint: text('fingerprint'), bundles: text('bundles') });
      case 'package.opened':
      case 'package.applied':
        return t('audit.detail.package', { revision: text('revision'), digest: text('digest').slice(0, 16) });
      default:
        return JSON.stringify(d);
    }
  };
}

const ACTIONS = ['bundle.accepted', 'bundle.superseded', 'bundle.duplicate', 'bundle.refused', 'key.confirmed', 'tie.decided', 'tie.withdrawn', 'results.signed', 'package.opened', 'package.applied'] as const;
type Action = (typeof ACTIONS)[number];
const isAction = (a: string): a is Action => (ACTIONS as readonly string[]).includes(a);

/** The chair's audit log, newest first: every verdict on a file, every key accepted, every tie decision, every signing. */
export function AuditScreen() {
  const { t, dateTime } = useT();
  const detail = useDetail();
  const { data } = useLoad(() => call('audit:list'), []);
  if (!data) return null;
  return (
    <div>
      <PageTitle title={t('nav.audit')}>{t('nav.audit')}</PageTitle>
      <p className="lead">{t('audit.lead')}</p>
      {data.length === 0 ? (
        <p className="muted">{t('audit.empty')}</p>
      ) : (
        <table className="entries audit">
          <thead>
            <tr>
              <th scope="col">{t('pub.when')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.subject')}</th>
              <th scope="col">{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((entry) => (
              <tr key={entry.id} className={entry.action === 'bundle.refused' ? 'row-error' : undefined}>
                <td>{dateTime(entry.at)}</td>
                <td>{isAction(entry.action) ? t(`audit.action.${entry.action}`) : entry.action}</td>
                <td>{entry.subject}</td>
                <td>{detail(entry)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
