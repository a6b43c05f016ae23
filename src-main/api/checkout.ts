import { AppError } from './app-error';
import type { Handlers } from './handler';

type CheckoutHandlers = Pick<
  Handlers,
  | 'promos.list'
  | 'promos.create'
  | 'promos.update'
  | 'promos.attach'
  | 'promos.ofClient'
  | 'checkout.quote'
  | 'checkout.commit'
  | 'sales.get'
  | 'sales.list'
  | 'sales.void'
  | 'clients.stats'
>;

const notYet = () => Promise.reject(new AppError('internal'));

// TODO(issue 5): being written.
export const checkoutHandlers: CheckoutHandlers = {
  'promos.list': notYet,
  'promos.create': notYet,
  'promos.update': notYet,
  'promos.attach': notYet,
  'promos.ofClient': notYet,
  'checkout.quote': notYet,
  'checkout.commit': notYet,
  'sales.get': notYet,
  'sales.list': notYet,
  'sales.void': notYet,
  'clients.stats': notYet,
};
