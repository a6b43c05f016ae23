import { z } from 'zod';
import type { TodayBoard } from '../domain/today';
import { everyone } from './access';
import { query, returns } from './define-call';
import { isoDate } from './fields';

export const todayApi = {
  'today.board': query(
    z.strictObject({ date: isoDate.optional() }),
    "Everyone expected on a day (today by default, in the centre's zone), in time order: session places and appointments with their status and flags",
    returns<TodayBoard>(),
    everyone,
  ),
};
