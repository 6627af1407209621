import { hash, verify, argon2id } from 'argon2';

/** argon2id with the library's recommended parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { type: argon2id });
}

export async function verifyPassword(
  passwordHash: string | null,
  password: string,
): Promise<boolean> {
  if (!passwordHash) {
    // Spend the same time as a real check so that unknown emails cannot be told apart.
    await hash(password, { type: argon2id });
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
