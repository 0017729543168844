/**
 * The local Cognito's sign-in pages (what Cognito's hosted UI shows): the email and password form, and
 * the new-password form after an invitation's temporary password, in the language of managed login's
 * `lang` (cognito-sign-in-text.ts). Plain, accessible HTML: `<html lang>`, a title, labelled fields,
 * the error announced (`role="alert"`), contrast above WCAG AA, no script.
 */
import { type SignInText, signInText } from './cognito-sign-in-text.ts';

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const layout = (text: SignInText, title: string, body: string) => `<!doctype html>
<html lang="${escapeHtml(text.htmlLang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ecrm (local)</title>
<style>
  body { font-family: system-ui, sans-serif; background: #f4f4f5; color: #18181b; margin: 0; }
  main { max-width: 24rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 3px #0003; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  label { display: block; margin: 1rem 0 .25rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; border: 1px solid #52525b; border-radius: 4px; }
  input:focus { outline: 3px solid #1d4ed8; outline-offset: 1px; }
  button { margin-top: 1.5rem; width: 100%; padding: .7rem; font-size: 1rem; background: #1d4ed8; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  button:focus { outline: 3px solid #18181b; outline-offset: 2px; }
  .error { color: #b91c1c; font-weight: 600; }
  .note { color: #3f3f46; font-size: .9rem; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;

const errorLine = (error: string | undefined) =>
  error ? `<p class="error" role="alert" id="form-error">${escapeHtml(error)}</p>` : '';

/** The sign-in form; it posts back to `action` (which carries the authorize request's parameters). */
export const signInPage = (
  action: string,
  options: { readonly lang?: string | null; readonly email?: string; readonly error?: string } = {},
) => {
  const text = signInText(options.lang);
  return layout(
    text,
    text.signInTitle,
    `<h1>${escapeHtml(text.signInHeading)}</h1>
<p class="note">${escapeHtml(text.localNote)}</p>
${errorLine(options.error)}
<form method="post" action="${escapeHtml(action)}"${options.error ? ' aria-describedby="form-error"' : ''}>
  <label for="username">${escapeHtml(text.email)}</label>
  <input id="username" name="username" type="email" autocomplete="username" required value="${escapeHtml(options.email ?? '')}">
  <label for="password">${escapeHtml(text.password)}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">${escapeHtml(text.signIn)}</button>
</form>`,
  );
};

/** After a temporary password: choose a new one (the temporary one is carried along, re-checked). */
export const newPasswordPage = (
  action: string,
  options: {
    readonly lang?: string | null;
    readonly email: string;
    readonly temporary: string;
    readonly error?: string;
  },
) => {
  const text = signInText(options.lang);
  return layout(
    text,
    text.newPasswordTitle,
    `<h1>${escapeHtml(text.newPasswordTitle)}</h1>
<p class="note">${escapeHtml(text.newPasswordNote)}</p>
${errorLine(options.error)}
<form method="post" action="${escapeHtml(action)}">
  <input type="hidden" name="username" value="${escapeHtml(options.email)}">
  <input type="hidden" name="password" value="${escapeHtml(options.temporary)}">
  <label for="new-password">${escapeHtml(text.newPassword)}</label>
  <input id="new-password" name="newPassword" type="password" autocomplete="new-password" minlength="8" required>
  <label for="confirm-password">${escapeHtml(text.confirmPassword)}</label>
  <input id="confirm-password" name="confirmPassword" type="password" autocomplete="new-password" minlength="8" required>
  <button type="submit">${escapeHtml(text.setPassword)}</button>
</form>`,
  );
};

/** A refused authorize request; its message is the OAuth problem (for the developer, in English). */
export const errorPage = (message: string, lang?: string | null) => {
  const text = signInText(lang);
  return layout(text, text.errorTitle, `<h1>${escapeHtml(text.errorTitle)}</h1>${errorLine(message)}`);
};
