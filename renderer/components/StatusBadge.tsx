import type { EntryListItem } from '../../shared/domain/views.ts';
import { useT } from '../i18n.ts';

export function StatusBadge({ entry }: { entry: Pick<EntryListItem, 'status' | 'marked' | 'criteria'> }) {
  const { t } = useT();
  const text = entry.status === 'incomplete' ? t('status.incomplete', { marked: entry.marked, criteria: entry.criteria }) : t(`status.${entry.status}`);
  return <span className={`badge badge-${entry.status}`}>{text}</span>;
}
