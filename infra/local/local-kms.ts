/**
 * A local KMS endpoint: the real `@aws-sdk/client-kms` sends Encrypt, Decrypt, GenerateDataKey, DescribeKey
 * and CreateKey here (awsJson1_1, `X-Amz-Target: TrentService.<Operation>`), and gets KMS's answers and
 * errors back (`__type` and `x-amzn-errortype`).
 *
 * Invariants:
 * - Real AES-256-GCM. Each key's material is random unless given, so by default a ciphertext only opens in
 *   the process that made it; pass `keyMaterial` (and `keyId`) to keep ciphertexts across restarts.
 * - The blob names its key, so Decrypt needs no KeyId; the encryption context is authenticated, so
 *   Decrypt with another context, or none, is InvalidCiphertextException. See kms-api.ts for the rest.
 * - Starts with one key (`keyId`, `keyArn`), optionally under an alias; CreateKey adds more.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { KmsError, KmsKeyRing } from './kms-api.ts';
import { LocalEndpoint } from './local-endpoint.ts';
import { parseJson, RequestTooLargeError, readBody, sendJson } from './local-http-server.ts';

export interface LocalKmsOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly region?: string;
  readonly account?: string;
  /** The first key's id, a lower-case UUID; random when omitted. */
  readonly keyId?: string;
  /** The first key's 32 bytes of AES-256 material; random when omitted. */
  readonly keyMaterial?: Uint8Array;
  /** An alias for the first key, e.g. `alias/ecrm-local-secrets`. */
  readonly alias?: string;
  /** Called with errors of the endpoint itself. */
  readonly onError?: (error: unknown) => void;
}

const TARGET_PREFIX = 'TrentService.';
const JSON_1_1 = { 'content-type': 'application/x-amz-json-1.1' };
/** Well above KMS's largest request here (a 6144-byte blob as base64, a context, grant tokens). */
const MAX_BODY_BYTES = 64 * 1024;

const awsError = (res: ServerResponse, status: number, type: string, message: string) =>
  sendJson(res, status, { __type: type, message }, { ...JSON_1_1, 'x-amzn-errortype': type });

/** Use {@link startLocalKms}. */
export class LocalKms {
  private readonly ring: KmsKeyRing;
  /** The first key's id (a UUID). */
  readonly keyId: string;
  /** The first key's ARN: what the deployed functions get as SECRETS_KEY_ID. */
  readonly keyArn: string;
  private readonly http: LocalEndpoint;

  constructor(options: LocalKmsOptions = {}) {
    this.http = new LocalEndpoint('the local KMS', (req, res) => this.handle(req, res), options);
    this.ring = new KmsKeyRing({
      region: options.region ?? 'us-east-1',
      account: options.account ?? '000000000000',
    });
    const key = this.ring.addKey({
      description: 'local key',
      ...(options.keyId ? { keyId: options.keyId } : {}),
      ...(options.keyMaterial ? { material: options.keyMaterial } : {}),
      ...(options.alias ? { alias: options.alias } : {}),
    });
    this.keyId = key.keyId;
    this.keyArn = key.arn;
  }

  /** `http://127.0.0.1:<port>`, for the SDK client's `endpoint` or `AWS_ENDPOINT_URL_KMS`. */
  get endpoint(): string {
    return this.http.url;
  }

  /** @internal Binds the endpoint; use {@link startLocalKms}. */
  async listen(): Promise<this> {
    await this.http.listen();
    return this;
  }

  /** Closes the endpoint once the requests it is serving are answered. */
  stop(): Promise<void> {
    return this.http.stop();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || (req.url ?? '/') !== '/') {
      return awsError(res, 404, 'UnknownOperationException', `No route for ${req.method} ${req.url}`);
    }
    const target = req.headers['x-amz-target'];
    if (typeof target !== 'string' || !target.startsWith(TARGET_PREFIX)) {
      return awsError(res, 400, 'UnknownOperationException', `Unknown target ${target}`);
    }
    let text: string;
    try {
      text = await readBody(req, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof RequestTooLargeError) {
        return awsError(res, 413, 'ValidationException', 'The request is over the size limit.');
      }
      throw error;
    }
    const json = parseJson(text);
    if (!json.ok) return awsError(res, 400, 'SerializationException', json.error.message);
    try {
      sendJson(res, 200, this.ring.handle(target.slice(TARGET_PREFIX.length), json.value), JSON_1_1);
    } catch (error) {
      if (error instanceof KmsError) return awsError(res, error.status, error.errorType, error.message);
      throw error;
    }
  }
}

/** Starts a local KMS on 127.0.0.1 with one key; `stop()` it when done. */
export const startLocalKms = (options: LocalKmsOptions = {}): Promise<LocalKms> =>
  new LocalKms(options).listen();
