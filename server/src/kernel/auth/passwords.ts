/** Password hashing (argon2id) and the rules a chosen password must meet. */
import crypto from 'node:crypto';
import argon2 from 'argon2';

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

export function isStrongEnough(password: string): boolean {
  return password.length >= 10 && /[A-Za-z]/.test(password) && /\d/.test(password);
}

/** A password for a new account, shown once; readable (no 0/O/l/1) and strong enough. */
export function generatePassword(): string {
  const letters = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const pick = (alphabet: string) => alphabet[crypto.randomInt(alphabet.length)];
  const chars = Array.from({ length: 10 }, () => pick(letters + digits));
  chars.push(pick(digits), pick(letters));
  return chars.join('');
}
