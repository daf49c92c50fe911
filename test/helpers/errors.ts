import { AppError } from '../../shared/errors.ts';

export interface UserError {
  code: string;
  params: Record<string, unknown>;
}

function asUserError(error: unknown): UserError {
  if (error instanceof AppError) return { code: error.code, params: error.params };
  throw error;
}

/** The user error `fn` throws; anything else it throws, or throwing nothing, fails the test. */
export function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    return asUserError(error);
  }
  throw new Error('expected a user error');
}

/** The user error `promise` rejects with (as `userError`, for async work). */
export async function userErrorOf(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    return asUserError(error);
  }
  throw new Error('expected a user error');
}

/** The code of the user error `fn` throws, or 'accepted' when it succeeds (for sweeps over many inputs). */
export function outcome(fn: () => unknown): string {
  try {
    fn();
    return 'accepted';
  } catch (error) {
    return asUserError(error).code;
  }
}
