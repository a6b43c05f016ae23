import type { Language } from '../domain/centre';
import type { ConflictNextStep } from '../domain/sync';
import type { RefusalReason } from '../sync/protocol';

/** Why the server refused what a desk did offline, in each UI language. */
const messages: Record<Language, Record<RefusalReason, string>> = {
  es: {
    place_taken: 'Otro puesto reservó la última plaza de la sesión antes. La reserva hecha sin conexión no se ha confirmado.',
    slot_taken: 'Otro puesto dio esa hora del profesional antes. La cita hecha sin conexión no se ha confirmado.',
    promo_limit: 'El código promocional llegó a su límite de usos en otro puesto. La venta se ha guardado tal como se cobró, pero este uso del código queda anulado.',
    no_credit: 'El bono se quedó sin créditos en otro puesto. La reserva pagada con ese crédito no se ha confirmado.',
    duplicate: 'Otro puesto creó antes algo con el mismo nombre o código. Lo hecho en este puesto no se ha guardado.',
    erased: 'La ficha de este cliente se eliminó en otro puesto.',
  },
  en: {
    place_taken: 'Another desk booked the last place in the session first. The booking made offline was not confirmed.',
    slot_taken: "Another desk gave that time of the professional's first. The appointment made offline was not confirmed.",
    promo_limit: 'The promo code reached its limit of uses at another desk. The sale is kept as it was charged, but this use of the code is void.',
    no_credit: 'The pass ran out of credits at another desk. The booking paid with that credit was not confirmed.',
    duplicate: 'Another desk first created something with the same name or code. What this desk did was not kept.',
    erased: "This client's card was deleted at another desk.",
  },
};

export function conflictMessage(language: Language, reason: RefusalReason): string {
  return messages[language][reason];
}

/** What the desk that lost can do next. */
export function conflictNextSteps(reason: RefusalReason, table: string): ConflictNextStep[] {
  switch (reason) {
    case 'place_taken':
      return ['waitlist', 'another_time', 'credit_returned'];
    case 'slot_taken':
      return ['another_time', 'credit_returned'];
    case 'promo_limit':
      return ['other_code'];
    case 'no_credit':
      return ['credit_returned'];
    case 'duplicate':
      return table === 'bookings' ? ['another_time'] : ['rename'];
    case 'erased':
      return [];
  }
}
