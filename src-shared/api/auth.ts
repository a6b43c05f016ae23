import { z } from 'zod';
import type { SignInState } from '../domain/staff';
import { signInScreen } from './access';
import { returns, session } from './define-call';
import { id, pin } from './fields';

/** Who is working at this window, page or command: the host keeps it, nothing in an input can change it. */
export const authApi = {
  'auth.state': session(z.strictObject({}), 'Who is signed in here, whether PINs are on, and the team to choose from', returns<SignInState>(), signInScreen),
  'auth.signIn': session(
    z.strictObject({ staffId: id, pin: pin.optional() }),
    'Sign in (or, with PINs off, choose "my calendar"); five wrong PINs lock that person out for a minute',
    returns<SignInState>(),
    signInScreen,
  ),
  'auth.lock': session(z.strictObject({}), 'Lock the desk: the signed-in person, or another, signs in again with a PIN', returns<SignInState>(), signInScreen),
  'auth.signOut': session(z.strictObject({}), 'Sign out of this window', returns<SignInState>(), signInScreen),
};
