/**
 * The local Cognito's sign-in pages (what Cognito's hosted UI shows): the email and password form, the
 * new-password form after an invitation's temporary password, and the password reset (the email to
 * send a code to, then the code with a new password), in the language of managed login's
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
  .notice { color: #166534; font-weight: 600; }
  nav { margin-top: 1.25rem; display: flex; flex-wrap: wrap; gap: 1rem; }
  a { color: #1d4ed8; }
  a:focus { outline: 3px solid #18181b; outline-offset: 2px; }
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

const noticeLine = (notice: string | undefined) =>
  notice ? `<p class="notice" role="status">${escapeHtml(notice)}</p>` : '';

/** The attributes of a field the error is about: announced with it. */
const invalidIf = (invalid: boolean) => (invalid ? ' aria-invalid="true" aria-describedby="form-error"' : '');

const link = (href: string, label: string) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;

/**
 * The sign-in form; it posts back to `action` (which carries the authorize request's parameters).
 * `forgotHref` is the "Forgot your password?" link; `notice` a confirmation (the password was reset).
 */
export const signInPage = (
  action: string,
  options: {
    readonly lang?: string | null;
    readonly email?: string;
    readonly error?: string;
    readonly notice?: string;
    readonly forgotHref?: string;
  } = {},
) => {
  const text = signInText(options.lang);
  return layout(
    text,
    text.signInTitle,
    `<h1>${escapeHtml(text.signInHeading)}</h1>
<p class="note">${escapeHtml(text.localNote)}</p>
${noticeLine(options.notice)}${errorLine(options.error)}
<form method="post" action="${escapeHtml(action)}"${options.error ? ' aria-describedby="form-error"' : ''}>
  <label for="username">${escapeHtml(text.email)}</label>
  <input id="username" name="username" type="email" autocomplete="username" required value="${escapeHtml(options.email ?? '')}">
  <label for="password">${escapeHtml(text.password)}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">${escapeHtml(text.signIn)}</button>
</form>${options.forgotHref ? `\n<nav>${link(options.forgotHref, text.forgotLink)}</nav>` : ''}`,
  );
};

/** "Forgot your password?": the email to send a code to; posts to `action`, `signInHref` goes back. */
export const forgotPasswordPage = (
  action: string,
  options: {
    readonly lang?: string | null;
    readonly signInHref: string;
    readonly email?: string;
    readonly error?: string;
  },
) => {
  const text = signInText(options.lang);
  return layout(
    text,
    text.forgotTitle,
    `<h1>${escapeHtml(text.forgotTitle)}</h1>
<p class="note">${escapeHtml(text.forgotNote)}</p>
${errorLine(options.error)}
<form method="post" action="${escapeHtml(action)}">
  <label for="username">${escapeHtml(text.email)}</label>
  <input id="username" name="username" type="email" autocomplete="username" required value="${escapeHtml(options.email ?? '')}"${invalidIf(options.error !== undefined)}>
  <button type="submit">${escapeHtml(text.sendCode)}</button>
</form>
<nav>${link(options.signInHref, text.backToSignIn)}</nav>`,
  );
};

/** The fields of the code page an error can be about. */
export type ResetField = 'code' | 'newPassword';

/**
 * After a code was sent (or said to be): the code and a new password for `email` (carried along);
 * posts to `action`. `forgotHref` asks for a new code, `signInHref` goes back.
 */
export const confirmResetPage = (
  action: string,
  options: {
    readonly lang?: string | null;
    readonly email: string;
    readonly destination: string;
    readonly forgotHref: string;
    readonly signInHref: string;
    readonly resetRequired?: boolean;
    readonly error?: { readonly field: ResetField; readonly message: string };
  },
) => {
  const text = signInText(options.lang);
  const field = options.error?.field;
  return layout(
    text,
    text.forgotTitle,
    `<h1>${escapeHtml(text.forgotTitle)}</h1>
${options.resetRequired ? `<p class="note">${escapeHtml(text.resetRequired)}</p>\n` : ''}<p class="note">${escapeHtml(text.codeSent(options.destination))}</p>
${errorLine(options.error?.message)}
<form method="post" action="${escapeHtml(action)}">
  <input type="hidden" name="username" value="${escapeHtml(options.email)}">
  <label for="code">${escapeHtml(text.code)}</label>
  <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required${invalidIf(field === 'code')}>
  <label for="new-password">${escapeHtml(text.newPassword)}</label>
  <input id="new-password" name="newPassword" type="password" autocomplete="new-password" minlength="8" required${invalidIf(field === 'newPassword')}>
  <label for="confirm-password">${escapeHtml(text.confirmPassword)}</label>
  <input id="confirm-password" name="confirmPassword" type="password" autocomplete="new-password" minlength="8" required>
  <button type="submit">${escapeHtml(text.resetPassword)}</button>
</form>
<nav>${link(options.forgotHref, text.newCode)} ${link(options.signInHref, text.backToSignIn)}</nav>`,
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
