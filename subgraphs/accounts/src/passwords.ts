import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with its default cost: 19 MiB, 2 passes, one
// thread, as OWASP recommends at least; a hash carries its parameters, so raising them later
// keeps old hashes verifiable.

/** The PHC string of `password` (argon2id). */
export const hashPassword = (password: string): Promise<string> => hash(password);

/** Whether `password` is the one `passwordHash` was made from; a malformed hash is no. */
export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/**
 * Spends the time a real check would on an unknown e-mail, so how long a refusal takes does
 * not tell whether the account exists.
 */
export async function spendCheckTime(password: string): Promise<void> {
  decoy ??= hash('decoy password that matches nothing');
  await passwordMatches(await decoy, password);
}
