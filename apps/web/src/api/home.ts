import type { HomeOut } from '@dx/contracts';
import { get } from '../lib/api';

export type Home = HomeOut;
export const homeKeys = { one: (provinceId: string) => ['home', provinceId] as const };
export const fetchHome = (provinceId: string) => get<Home>('/home', { provinceId });
