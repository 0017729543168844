/**
 * The built console (`console/dist`) served by the local HTTP API, as CloudFront serves it from S3
 * deployed: one origin for the console and the API, so the session cookie is first-party.
 *
 * Invariants:
 * - Only GET and HEAD, and never a path under `/v1/` or `/auth/` (those are the API's, even when no
 *   route matches: a JSON 404 there, not the console).
 * - Nothing outside the dist folder is ever read: the path is decoded once, and any segment that is
 *   `.`, `..`, starts with a dot, or holds a backslash or NUL is refused (404), and the file's real path
 *   (symlinks resolved) must lie inside the folder's.
 * - A path without an extension that is not a file is the SPA's: `index.html` (deep links work). A
 *   missing file with an extension is a 404, so a broken asset URL fails loudly instead of getting HTML.
 * - Hashed `assets/*` are cached for a year (immutable); everything else, `index.html` first, is
 *   revalidated on every load (no-cache, with an ETag) so a new build shows at once.
 * - Every answer carries the console's security headers (../console-headers.ts), 404s included.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { consoleSecurityHeaders } from '../console-headers.ts';

export interface ConsoleFilesOptions {
  /** The built console: a folder with `index.html` and `assets/`. */
  readonly root: string;
  /**
   * Origins the sign-in and sign-out forms may post to (CSP `form-action`), read on each answer: the
   * local Cognito may start after the API.
   */
  readonly signInOrigins?: () => readonly string[];
}

/** Answers a request when it is the console's; resolves `false` when it is not (the caller 404s). */
export type ConsoleFiles = (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<boolean>;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** Paths the API owns even when no route matches them. */
export const isApiPath = (pathname: string): boolean =>
  pathname === '/v1' || pathname.startsWith('/v1/') || pathname === '/auth' || pathname.startsWith('/auth/');

/** The path's segments when every one is safe to join under the root; `undefined` otherwise. */
export const safeSegments = (pathname: string): string[] | undefined => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const segments = decoded.split('/').filter((s) => s !== '');
  const unsafe = segments.some((s) => s.startsWith('.') || s.includes('\\') || s.includes('\0'));
  return unsafe ? undefined : segments;
};

interface Found {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** The regular file at `segments` under `root`, if it exists and really lies inside it. */
const findFile = async (root: string, segments: readonly string[]): Promise<Found | undefined> => {
  try {
    const realRoot = await realpath(root);
    const path = await realpath(join(realRoot, ...segments));
    if (!path.startsWith(realRoot + sep)) return undefined;
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size, mtimeMs: info.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
};

export const consoleFiles = (options: ConsoleFilesOptions): ConsoleFiles => {
  const headers = () => consoleSecurityHeaders(options.signInOrigins?.() ?? []);

  const notFound = (res: ServerResponse, method: string, why: string) => {
    const body = `${why}\n`;
    res.writeHead(404, {
      ...headers(),
      'content-type': 'text/plain; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': REVALIDATE,
    });
    res.end(method === 'HEAD' ? undefined : body);
  };

  return async (req, res, pathname) => {
    const method = (req.method ?? 'GET').toUpperCase();
    if ((method !== 'GET' && method !== 'HEAD') || isApiPath(pathname)) return false;
    const segments = safeSegments(pathname);
    if (!segments) {
      notFound(res, method, 'Not Found');
      return true;
    }
    const last = segments.at(-1) ?? '';
    let file = segments.length > 0 ? await findFile(options.root, segments) : undefined;
    let name = last;
    if (!file && extname(last) === '') {
      file = await findFile(options.root, ['index.html']);
      name = 'index.html';
      if (!file) {
        notFound(
          res,
          method,
          `The console is not built (no ${join(options.root, 'index.html')}): npm run build:console`,
        );
        return true;
      }
    }
    if (!file) {
      notFound(res, method, 'Not Found');
      return true;
    }
    const etag = `"${file.size.toString(16)}-${Math.trunc(file.mtimeMs).toString(16)}"`;
    const common = {
      ...headers(),
      'cache-control': segments[0] === 'assets' && segments.length > 1 ? IMMUTABLE : REVALIDATE,
      etag,
      'last-modified': new Date(file.mtimeMs).toUTCString(),
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, common);
      res.end();
      return true;
    }
    res.writeHead(200, {
      ...common,
      'content-type': CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream',
      'content-length': file.size,
    });
    if (method === 'HEAD') {
      res.end();
      return true;
    }
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(file.path);
      stream.on('error', reject);
      res.on('close', resolve);
      stream.pipe(res);
    });
    return true;
  };
};
