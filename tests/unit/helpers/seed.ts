/**
 * The seed of every fast-check run: FC_SEED when given (to replay a failure), the fixed seed
 * when CI is set (so a submission is never rejected by chance), else a random one, printed
 * once by tests/unit/setup/fcSeed.global.ts so a failure can be replayed with FC_SEED=<seed>.
 */
export const FIXED_SEED = 20261128;

export function chooseSeed(env: Record<string, string | undefined> = process.env, random: () => number = Math.random): { seed: number; why: string } {
  if (env.FC_SEED !== undefined && env.FC_SEED !== '') {
    const seed = Number(env.FC_SEED);
    if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got "${env.FC_SEED}"`);
    return { seed, why: 'FC_SEED' };
  }
  if (env.CI) return { seed: FIXED_SEED, why: 'CI is set: the fixed seed' };
  return { seed: Math.floor(random() * 2 ** 31) * (random() < 0.5 ? -1 : 1), why: 'random' };
}
