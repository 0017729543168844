/**
 * Where connection signing secrets are sealed: KMS in AWS and on the local stack (a local KMS
 * endpoint), always with an encryption context naming the workspace and connection, so a sealed
 * secret copied to another connection cannot be opened there.
 */
export interface SecretContext {
  readonly workspaceId: string;
  readonly connectionId: string;
}

export interface SecretBox {
  seal(plaintext: string, context: SecretContext): Promise<string>;
  open(sealed: string, context: SecretContext): Promise<string>;
}
