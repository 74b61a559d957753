import type { SignOutOut } from '@dx/contracts';
import { post } from '../lib/api';
import type { Me } from '../lib/session';

export const signIn = (username: string, password: string) =>
  post<Me>('/auth/sign-in', { username, password });
export const signOut = (everywhere: boolean) => post<SignOutOut>('/auth/sign-out', { everywhere });
export const changePassword = (currentPassword: string, newPassword: string) =>
  post<void>('/auth/change-password', { currentPassword, newPassword });

/** sessionStorage key of a one-time message for the sign-in page. */
export const NOTICE_KEY = 'dx.signInNotice';
