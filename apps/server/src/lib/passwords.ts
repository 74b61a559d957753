import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's minimum parameters (19 MiB, 2 iterations): ~30 ms here, fine for sign-in.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (plain: string) => hash(plain, OPTIONS);
export const verifyPassword = (digest: string, plain: string) => verify(digest, plain).catch(() => false);

/** The rule for a new password is part of the contract (packages/contracts/src/users.ts). */
export { newPassword } from '@dx/contracts';

// A real hash to verify against when the user does not exist, so timing does not reveal usernames.
let dummy: Promise<string> | undefined;
export const dummyHash = () => {
  dummy ??= hashPassword('not-a-real-password-placeholder');
  return dummy;
};
