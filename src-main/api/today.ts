import { todayBoard } from '../db/queries/today';
import { readCentreSettings } from '../db/queries/settings';
import { localDate } from '../engine/time/local-date';
import type { Handlers } from './handler';

type TodayHandlers = Pick<Handlers, 'today.board'>;

export const todayHandlers: TodayHandlers = {
  'today.board': async ({ date }, { db }) => {
    const { timeZone } = await readCentreSettings(db);
    const day = date ?? localDate(new Date(), timeZone);
    return { date: day, entries: await todayBoard(db, day, timeZone) };
  },
};
