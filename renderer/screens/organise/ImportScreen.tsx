import { useCallback, useEffect, useState } from 'react';
import { IMPORT_LIMITS, tooLargeParams } from '../../../shared/domain/import.ts';
import type { ImportCheck, ImportKind, ImportOptions, ImportPreview } from '../../../shared/domain/import.ts';
import { errorPayload } from '../../../shared/errors.ts';
import { isMessageKey } from '../../../shared/i18n/index.ts';
import { ApiError, call } from '../../api/client.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { Field, SelectField } from '../../components/form.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n.ts';
import { readAsBase64 } from '../../read-file.ts';
import { say } from '../../stores/notice-store.ts';
import { navigate } from '../../stores/route-store.ts';
import { ActionError, useAction } from '../../action.tsx';
import { Untrusted } from '../../components/Untrusted.tsx';
import { useLoad } from './use-load.ts';

const NONE = '-';
const SHOWN_COLUMNS = 8;
const defaultOptions: ImportOptions = { sheet: null, encoding: 'auto', separator: 'auto' };

/** Loads entries or experts from XLSX or CSV: map the columns, choose the rows, fix every problem, then import all at once. */
export function ImportScreen({ kind }: { kind: ImportKind }) {
  const { t } = useT();
  const reading = useAction<ImportPreview>();
  const checking = useAction<ImportCheck>();
  const committing = useAction<{ imported: number }>();
  const overview = useLoad(() => call('editor:overview'), []);
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [options, setOptions] = useState<ImportOptions>(defaultOptions);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, number | null>>({});
  const [skip, setSkip] = useState<Set<number>>(new Set());
  const [defaults, setDefaults] = useState<{ nominationId: string | null; categoryId: string | null }>({ nominationId: null, categoryId: null });
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const busy = reading.busy || committing.busy;
  const back = kind === 'entries' ? ({ name: 'editEntries', nominationId: null } as const) : ({ name: 'editExperts' } as const);
  const title = t(kind === 'entries' ? 'org.import.entries' : 'org.import.experts');

  const { run: runReading, fail: failReading } = reading;
  const read = useCallback(
    (chosen: { name: string; content: string }, opts: ImportOptions) => {
      // The check below belongs to the file read; once another is chosen, it would describe a file no longer chosen.
      setPreview(null);
      setCheck(null);
      void runReading(
        () => call('import:preview', { kind, fileName: chosen.name, content: chosen.content, options: opts }),
        (p) => {
          setPreview(p);
          setMapping(p.mapping);
          setSkip(new Set());
        },
      );
    },
    [kind, runReading],
  );

  const runChecking = checking.run;
  // Every change of mapping, rows or defaults is checked at once, so problems show as they arise.
  useEffect(() => {
    if (!preview) return;
    void runChecking(() => call('import:check', { importId: preview.importId, mapping, skipRows: [...skip], defaults }), setCheck);
  }, [preview, mapping, skip, defaults, runChecking]);

  const choose = async (picked: File | undefined) => {
    if (!picked) return;
    // Refused before it is read: a file over the limit would be read whole only to be refused.
    if (picked.size > IMPORT_LIMITS.fileBytes) {
      setPreview(null);
      setCheck(null);
      failReading(new ApiError(errorPayload('import.tooLarge', tooLargeParams(picked.name, picked.size))));
      return;
    }
    const chosen = { name: picked.name, content: await readAsBase64(picked) };
    setFile(chosen);
    setOptions(defaultOptions);
    read(chosen, defaultOptions);
  };
  const reread = (patch: Partial<ImportOptions>) => {
    const next = { ...options, ...patch };
    setOptions(next);
    if (file) read(file, next);
  };
  const commit = () => {
    if (!preview) return;
    void committing.run(
      () => call('import:commit', { importId: preview.importId, mapping, skipRows: [...skip], defaults }),
      ({ imported }) => {
        say('imp.done', { count: imported });
        navigate(back);
      },
    );
  };

  const nominations = overview.data?.nominations ?? [];
  const defaultNomination = nominations.find((n) => n.id === defaults.nominationId);
  const columnOptions = [{ value: NONE, label: t('imp.notLoaded') }, ...(preview?.columns ?? []).map((c) => ({ value: String(c.index), label: `${c.letter} — ${c.header}` }))];
  const problemText = (code: string, params: Record<string, string | number>) => (isMessageKey(code) ? t(code, params) : code);

  return (
    <div>
      <Breadcrumbs crumbs={[{ label: t(kind === 'entries' ? 'nav.entries' : 'nav.experts'), route: back }, { label: title, route: { name: 'import', kind } }]} />
      <PageTitle title={title}>{title}</PageTitle>
      <section className="card" aria-labelledby="imp-file">
        <h2 id="imp-file">{t('imp.step.file')}</h2>
        <Field label={t('imp.file')} hint={t('imp.fileHint')}>
          {(a11y) => <input {...a11y} type="file" accept=".xlsx,.csv,.txt" disabled={busy} onChange={(e) => void choose(e.target.files?.[0])} />}
        </Field>
        <ActionError action={reading} />
        {preview && (
          <div className="form-row">
            <p>{t('imp.read', { file: preview.fileName, rows: preview.rowCount, columns: preview.columns.length })}</p>
            {preview.format === 'xlsx' && preview.sheets.length > 1 && (
              <SelectField label={t('imp.sheet')} value={preview.sheet ?? ''} options={preview.sheets.map((s) => ({ value: s, label: s }))} onChange={(sheet) => reread({ sheet })} />
            )}
            {preview.format === 'csv' && (
              <>
                <SelectField label={t('imp.encoding')} value={options.encoding} options={[{ value: 'auto', label: t('imp.auto', { found: preview.encoding ?? '' }) }, { value: 'utf-8', label: 'UTF-8' }, { value: 'windows-1251', label: 'Windows-1251' }]} onChange={(encoding) => reread({ encoding })} />
                <SelectField label={t('imp.separator')} value={options.separator} options={[{ value: 'auto', label: t('imp.auto', { found: preview.separator === '\t' ? 'Tab' : (preview.separator ?? '') }) }, { value: ';', label: ';' }, { value: ',', label: ',' }, { value: '\t', label: 'Tab' }]} onChange={(separator) => reread({ separator })} />
              </>
            )}
          </div>
        )}
      </section>

      {preview && (
        <section className="card" aria-labelledby="imp-mapping">
          <h2 id="imp-mapping">{t('imp.step.mapping')}</h2>
          <div className="form-grid mapping">
            {preview.fields.map((f) => (
              <SelectField
                key={f.field}
                label={`${isMessageKey(f.label) ? t(f.label) : f.field}${f.required ? ` (${t('imp.required')})` : ''}`}
                value={mapping[f.field] == null ? NONE : String(mapping[f.field])}
                options={columnOptions}
                onChange={(v) => setMapping({ ...mapping, [f.field]: v === NONE ? null : Number(v) })}
              />
            ))}
          </div>
          {kind === 'entries' && (
            <div className="form-row">
              <SelectField
                label={t('imp.defaultNomination')}
                value={defaults.nominationId ?? NONE}
                options={[{ value: NONE, label: t('imp.noDefault') }, ...nominations.map((n) => ({ value: n.id, label: n.title }))]}
                onChange={(v) => setDefaults({ nominationId: v === NONE ? null : v, categoryId: null })}
              />
              {defaultNomination && defaultNomination.categories.length > 0 && (
                <SelectField
                  label={t('imp.defaultCategory')}
                  value={defaults.categoryId ?? NONE}
                  options={[{ value: NONE, label: t('imp.noDefault') }, ...defaultNomination.categories.map((c) => ({ value: c.id, label: c.title }))]}
                  onChange={(v) => setDefaults({ ...defaults, categoryId: v === NONE ? null : v })}
                />
              )}
            </div>
          )}
        </section>
      )}

      {preview && (
        <section className="card" aria-labelledby="imp-rows">
          <h2 id="imp-rows">{t('imp.step.rows')}</h2>
          <p className="hint">{t('imp.rowsHint', { shown: preview.rows.length, total: preview.rowCount })}</p>
          <div className="matrix-wrap">
            <table className="entries preview">
              <thead>
                <tr>
                  <th scope="col">{t('imp.load')}</th>
                  <th scope="col">{t('imp.row')}</th>
                  {preview.columns.slice(0, SHOWN_COLUMNS).map((c) => (
                    <th scope="col" key={c.index}>
                      {c.letter} — {c.header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.row} className={check?.errors.some((e) => e.row === r.row) ? 'row-error' : undefined}>
                    <td>
                      <input
                        type="checkbox"
                        checked={!skip.has(r.row)}
                        aria-label={t('imp.loadRow', { row: r.row })}
                        onChange={(e) => {
                          const next = new Set(skip);
                          if (e.target.checked) next.delete(r.row);
                          else next.add(r.row);
                          setSkip(next);
                        }}
                      />
                    </td>
                    <td>{String(r.row)}</td>
                    {r.cells.slice(0, SHOWN_COLUMNS).map((cell, i) => (
                      <td key={i}>
                        <Untrusted text={cell} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {/* A check belongs to the file read; once another is refused, it would describe a file no longer chosen. */}
      <ActionError action={checking} />
      {preview && check && (
        <section className="card" aria-labelledby="imp-check" aria-live="polite">
          <h2 id="imp-check">{t('imp.step.check')}</h2>
          <p>{t('imp.summary', { total: check.total, valid: check.valid, skipped: check.skipped, errors: check.errors.length })}</p>
          {check.errors.length > 0 && (
            <table className="entries errors">
              <thead>
                <tr>
                  <th scope="col">{t('imp.row')}</th>
                  <th scope="col">{t('imp.column')}</th>
                  <th scope="col">{t('imp.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {check.errors.slice(0, 500).map((e, i) => (
                  <tr key={i}>
                    <td>{e.row === 0 ? '—' : e.row}</td>
                    <td>{e.column ?? '—'}</td>
                    <td>{problemText(e.code, e.params)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="actions">
            <button type="button" className="primary" disabled={busy || check.errors.length > 0 || check.valid === 0} onClick={commit}>
              {t('imp.commit', { count: check.valid })}
            </button>
          </div>
          <ActionError action={committing} />
        </section>
      )}
    </div>
  );
}
