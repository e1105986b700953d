import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError, useApi } from '../../api';
import { ErrorNotice, Field, SubmitButton } from '../../components';
import { t } from '../../i18n';

interface RowError {
  line: number;
  column: string | undefined;
  message: string;
}

/** The API names each bad row `line.<n>` or `line.<n>.<column>`. */
export function rowErrors(error: unknown): RowError[] {
  if (!(error instanceof ApiError)) return [];
  return error.errors.flatMap((e) => {
    const m = /^line\.(\d+)(?:\.(.+))?$/.exec(e.field);
    return m ? [{ line: Number(m[1]), column: m[2], message: e.message }] : [];
  });
}

const SAMPLE = 'name,employees,mechanised,women_led,sector_detail\nKaur Woollens,7,no,yes,Hand-knitted cardigans';

/**
 * A paper register typed up as CSV: from a file or pasted. All rows go in, or none, with every bad row listed by line.
 */
export function ImportForm({
  clusterId,
  associationId,
  onImported,
}: {
  clusterId: string;
  associationId: string;
  onImported(count: number): void;
}) {
  const api = useApi();
  const [csv, setCsv] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [empty, setEmpty] = useState(false);
  const errorsRef = useRef<HTMLDivElement>(null);
  const rows = rowErrors(error);
  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) setCsv(await file.text());
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setEmpty(csv.trim() === '');
    if (csv.trim() === '') return document.getElementById('csv')?.focus();
    setBusy(true);
    setError(undefined);
    try {
      const { imported } = await api.importFirms(clusterId, associationId, csv);
      setCsv('');
      onImported(imported);
    } catch (err) {
      setError(err);
      requestAnimationFrame(() => errorsRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };
  const describedBy = rows.length > 0 ? 'csv-rows' : undefined;
  return (
    <form className="form panel" onSubmit={submit} noValidate aria-busy={busy} aria-labelledby="import-heading">
      <h2 id="import-heading">{t('import.heading')}</h2>
      <p>{t('import.intro')}</p>
      <p className="hint">{t('import.sample')}</p>
      <pre className="sample">{SAMPLE}</pre>
      <Field label={t('import.file')} id="csv-file" hint={t('import.fileHint')}>
        {(ids) => <input {...ids} type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void readFile(e)} />}
      </Field>
      <Field label={t('import.csv')} id="csv" errors={empty ? [t('import.empty')] : []}>
        {(ids) => (
          <textarea
            {...ids}
            rows={6}
            value={csv}
            onChange={(e) => setCsv(e.target.value)}
            spellCheck={false}
            {...(describedBy
              ? {
                  'aria-describedby': [ids['aria-describedby'], describedBy].filter(Boolean).join(' '),
                  'aria-invalid': true,
                }
              : {})}
          />
        )}
      </Field>
      {rows.length > 0 && (
        <div className="notice notice-error" id="csv-rows" role="alert" tabIndex={-1} ref={errorsRef}>
          <p className="notice-title">{t('import.failed', { count: rows.length })}</p>
          <ul className="row-errors">
            {rows.map((r, i) => (
              <li key={i}>
                {r.column
                  ? t('import.rowColumn', { line: r.line, column: r.column, message: r.message })
                  : t('import.row', { line: r.line, message: r.message })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {error !== undefined && rows.length === 0 && <ErrorNotice error={error} />}
      <div className="actions">
        <SubmitButton busy={busy} label={t('import.submit')} busyLabel={t('import.importing')} />
      </div>
    </form>
  );
}
