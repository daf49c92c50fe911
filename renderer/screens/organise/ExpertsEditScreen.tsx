import { call } from '../../api/client.ts';
import { RowButton } from '../../components/form.tsx';
import { ShowMore, useShownRows } from '../../components/LongList.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Untrusted } from '../../components/Untrusted.tsx';
import { useT } from '../../i18n.ts';
import { hrefOf } from '../../stores/route-store.ts';
import { ActionError, useAction } from '../../action.tsx';
import { useLoad } from './use-load.ts';

/** The jury: every expert, whether their key is enrolled (with its fingerprint), and ways to change it. */
export function ExpertsEditScreen() {
  const { t } = useT();
  const removing = useAction();
  const { data: experts, reload } = useLoad(() => call('editor:experts'), []);
  const { shown, more, rowsRef } = useShownRows<HTMLTableSectionElement>('editExperts');
  if (!experts) return null;
  const remove = (id: string, name: string) => {
    if (window.confirm(t('org.expert.confirmDelete', { name }))) void removing.run(() => call('editor:deleteExpert', { id }), reload);
  };
  return (
    <div>
      <PageTitle title={t('nav.experts')}>{t('nav.experts')}</PageTitle>
      <div className="toolbar">
        <a className="button primary" href={hrefOf({ name: 'editExpert', expertId: null })}>
          {t('org.expert.add')}
        </a>
        <a className="button" href={hrefOf({ name: 'import', kind: 'experts' })}>
          {t('org.import.experts')}
        </a>
        <a className="button" href={hrefOf({ name: 'enrolments' })}>
          {t('org.enrol.open')}
        </a>
      </div>
      <p className="muted">{t('org.expert.count', { count: experts.length, enrolled: experts.filter((x) => x.enrolment).length })}</p>
      <ActionError action={removing} />
      {experts.length > 0 && (
        <table className="entries" aria-rowcount={experts.length + 1}>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">{t('org.expert.name')}</th>
              <th scope="col">{t('entry.organisation')}</th>
              <th scope="col">{t('entry.region')}</th>
              <th scope="col">{t('org.expert.role')}</th>
              <th scope="col">{t('org.expert.key')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('org.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody ref={rowsRef}>
            {experts.slice(0, shown).map((x, i) => (
              <tr key={x.id} data-row={i} aria-rowindex={i + 2}>
                <td>
                  <a href={hrefOf({ name: 'editExpert', expertId: x.id })}>
                    <Untrusted text={x.name} />
                  </a>
                  {x.position && <div className="muted">{x.position}</div>}
                </td>
                <td>{x.organisation}</td>
                <td>{x.region}</td>
                <td>{t(x.role === 'chair' ? 'org.role.chair' : 'org.role.expert')}</td>
                <td>{x.enrolment ? <code className="fingerprint">{x.enrolment.fingerprint}</code> : <span className="muted">{t('org.expert.notEnrolled')}</span>}</td>
                <td>
                  <RowButton danger text={t('org.remove')} label={t('org.delete', { title: x.name })} disabled={x.marks > 0} onClick={() => remove(x.id, x.name)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ShowMore shown={Math.min(shown, experts.length)} total={experts.length} onMore={more} />
    </div>
  );
}
