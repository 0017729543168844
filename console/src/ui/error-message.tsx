/**
 * Shows an API error: its message, and the field issues no field on the form claims (a form shows
 * the others next to their fields). Nothing for "signed out": the browser is on its way to sign in.
 */
import { ApiError, SignedOutError } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function ErrorMessage(props: { readonly error: unknown; readonly fields?: readonly string[] }) {
  const { t } = useI18n();
  const { error, fields = [] } = props;
  if (!error || error instanceof SignedOutError) return null;
  if (error instanceof ApiError) {
    const unclaimed = error.issues.filter((i) => !fields.some((f) => error.issuesFor(f).includes(i.message)));
    return (
      <div className="error" role="alert">
        <p>{error.status === 403 ? t('error.forbidden') : error.message}</p>
        {unclaimed.length > 0 && (
          <ul>
            {unclaimed.map((i) => (
              <li key={`${i.path}:${i.message}`}>
                <code>{i.path}</code> {i.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return (
    <div className="error" role="alert">
      <p>{t('error.network')}</p>
    </div>
  );
}

/** The API's messages about one field, joined for display next to it. */
export const fieldError = (error: unknown, path: string): string | undefined => {
  if (!(error instanceof ApiError)) return undefined;
  const messages = error.issuesFor(path);
  return messages.length > 0 ? messages.join('; ') : undefined;
};
