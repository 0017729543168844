/**
 * The browser's client instance and the chosen workspace. Only the workspace id is kept in
 * localStorage (no token, no key: the session is an httpOnly cookie).
 */
import { initialLocale } from '../i18n/i18n.tsx';
import { createClient } from './client.ts';

const WORKSPACE_KEY = 'ecrm.workspace';

let workspaceId: string | undefined = readStored();

function readStored(): string | undefined {
  try {
    return localStorage.getItem(WORKSPACE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export const currentWorkspaceId = (): string | undefined => workspaceId;

export const chooseWorkspace = (id: string): void => {
  workspaceId = id;
  try {
    localStorage.setItem(WORKSPACE_KEY, id);
  } catch {
    // private mode: the choice lasts the session
  }
};

export const api = createClient({
  fetch: (input, init) => fetch(input, init),
  location: window.location,
  workspaceId: currentWorkspaceId,
  // The stored choice (a switch is stored at once), else the browser's: the language shown.
  locale: initialLocale,
});
