import { existsSync, readFileSync } from 'node:fs';

/** Every byte SQLite keeps for a database: the file, and its WAL and shared-memory files when present. */
export function databaseBytes(file: string): Buffer {
  return Buffer.concat(
    [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]
      .filter(existsSync)
      .map((path) => readFileSync(path)),
  );
}

/** Which of these strings occur in the bytes (as UTF-8, and as their base64 would not: that is ciphertext). */
export function plaintextFound(bytes: Buffer, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => bytes.includes(Buffer.from(secret, 'utf8')));
}
