import { useT } from '../i18n.ts';
import { hrefOf, type Route } from '../stores/route-store.ts';

export interface Crumb {
  label: string;
  route: Route;
}

/** Where this screen sits: contest › nomination › category. The last crumb is the current page. */
export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  const { t } = useT();
  return (
    <nav aria-label={t('app.home')} className="breadcrumbs">
      <ol>
        {crumbs.map((crumb, i) => (
          <li key={hrefOf(crumb.route)}>
            {i < crumbs.length - 1 ? <a href={hrefOf(crumb.route)}>{crumb.label}</a> : <span aria-current="page">{crumb.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
