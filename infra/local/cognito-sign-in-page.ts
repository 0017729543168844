/**
 * The local Cognito's sign-in pages (what Cognito's hosted UI shows): the email and password form, and
 * the new-password form after an invitation's temporary password. Plain, accessible HTML: a language,
 * a title, labelled fields, the error announced (`role="alert"`), contrast above WCAG AA, no script.
 */
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const layout = (title: string, body: string) => `<!doctype html>
<html lang="en">
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
  options: { readonly email?: string; readonly error?: string } = {},
) =>
  layout(
    'Sign in',
    `<h1>Sign in to ecrm</h1>
<p class="note">The local stack's sign-in (in AWS, the Cognito user pool's).</p>
${errorLine(options.error)}
<form method="post" action="${escapeHtml(action)}"${options.error ? ' aria-describedby="form-error"' : ''}>
  <label for="username">Email</label>
  <input id="username" name="username" type="email" autocomplete="username" required value="${escapeHtml(options.email ?? '')}">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">Sign in</button>
</form>`,
  );

/** After a temporary password: choose a new one (the temporary one is carried along, re-checked). */
export const newPasswordPage = (
  action: string,
  options: { readonly email: string; readonly temporary: string; readonly error?: string },
) =>
  layout(
    'Choose a new password',
    `<h1>Choose a new password</h1>
<p class="note">You signed in with a temporary password; choose your own to continue.</p>
${errorLine(options.error)}
<form method="post" action="${escapeHtml(action)}">
  <input type="hidden" name="username" value="${escapeHtml(options.email)}">
  <input type="hidden" name="password" value="${escapeHtml(options.temporary)}">
  <label for="new-password">New password</label>
  <input id="new-password" name="newPassword" type="password" autocomplete="new-password" minlength="8" required>
  <label for="confirm-password">Confirm the new password</label>
  <input id="confirm-password" name="confirmPassword" type="password" autocomplete="new-password" minlength="8" required>
  <button type="submit">Set password and sign in</button>
</form>`,
  );

export const errorPage = (message: string) =>
  layout('Sign-in error', `<h1>Sign-in error</h1>${errorLine(message)}`);
