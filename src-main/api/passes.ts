import { AppError } from './app-error';
import type { Handlers } from './handler';

type PassHandlers = Pick<
  Handlers,
  | 'passProducts.list'
  | 'passProducts.create'
  | 'passProducts.update'
  | 'planProducts.list'
  | 'planProducts.create'
  | 'planProducts.update'
  | 'passes.ofClient'
  | 'passes.ledger'
  | 'passes.adjust'
  | 'passes.redeem'
  | 'passes.pending'
  | 'passes.toSchedule'
  | 'passes.coverage'
  | 'creditPolicy.get'
  | 'creditPolicy.update'
>;

const notYet = () => Promise.reject(new AppError('internal'));

// TODO(issue 5): being written.
export const passHandlers: PassHandlers = {
  'passProducts.list': notYet,
  'passProducts.create': notYet,
  'passProducts.update': notYet,
  'planProducts.list': notYet,
  'planProducts.create': notYet,
  'planProducts.update': notYet,
  'passes.ofClient': notYet,
  'passes.ledger': notYet,
  'passes.adjust': notYet,
  'passes.redeem': notYet,
  'passes.pending': notYet,
  'passes.toSchedule': notYet,
  'passes.coverage': notYet,
  'creditPolicy.get': notYet,
  'creditPolicy.update': notYet,
};
