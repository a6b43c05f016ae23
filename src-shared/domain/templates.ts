import type { Language } from './centre';

/** The messages the desk sends by WhatsApp or text. */
export const templateKinds = ['reminder', 'place_freed', 'booking_confirmed', 'booking_cancelled'] as const;
export type TemplateKind = (typeof templateKinds)[number];

export interface MessageTemplate {
  kind: TemplateKind;
  language: Language;
  body: string;
  /** False while the built-in default is in use. */
  edited: boolean;
  updatedAt: string | null;
}

/** The built-in texts, used until the centre edits them. */
export const defaultTemplates: Readonly<Record<Language, Readonly<Record<TemplateKind, string>>>> = {
  es: {
    reminder: 'Hola {cliente}, te recordamos tu cita de {servicio} con {profesional} el {fecha} a las {hora}. {centro}',
    place_freed: 'Hola {cliente}, se ha liberado una plaza en {servicio} el {fecha} a las {hora}. ¿La quieres? {centro}',
    booking_confirmed: 'Hola {cliente}, tu reserva de {servicio} el {fecha} a las {hora} está confirmada. {centro}',
    booking_cancelled: 'Hola {cliente}, tu reserva de {servicio} el {fecha} a las {hora} se ha cancelado. {centro}',
  },
  en: {
    reminder: 'Hi {client}, a reminder of your {service} with {professional} on {date} at {time}. {centre}',
    place_freed: 'Hi {client}, a place has come free in {service} on {date} at {time}. Would you like it? {centre}',
    booking_confirmed: 'Hi {client}, your booking for {service} on {date} at {time} is confirmed. {centre}',
    booking_cancelled: 'Hi {client}, your booking for {service} on {date} at {time} has been cancelled. {centre}',
  },
};

export interface TemplateValues {
  client: string;
  /** The instant the appointment or session starts (ISO 8601). */
  startsAt: string;
  service: string;
  professional: string;
  centre: string;
}

export interface TemplateFormat {
  language: Language;
  /** The centre's IANA zone: the date and time are the centre's local ones. */
  timeZone: string;
}

/** Each placeholder, by its Spanish and English names. */
const placeholders: Readonly<Record<string, keyof TemplateValues | 'date' | 'time'>> = {
  cliente: 'client',
  client: 'client',
  fecha: 'date',
  date: 'date',
  hora: 'time',
  time: 'time',
  servicio: 'service',
  service: 'service',
  profesional: 'professional',
  professional: 'professional',
  centro: 'centre',
  centre: 'centre',
};

export const placeholderNames: Readonly<Record<Language, readonly string[]>> = {
  es: ['cliente', 'fecha', 'hora', 'servicio', 'profesional', 'centro'],
  en: ['client', 'date', 'time', 'service', 'professional', 'centre'],
};

const locales: Record<Language, string> = { es: 'es-ES', en: 'en-GB' };

/**
 * A template with its placeholders filled in: the date and time in the language's locale and the
 * centre's zone. An unknown `{word}` is left as it is.
 */
export function fillTemplate(body: string, values: TemplateValues, format: TemplateFormat): string {
  const at = new Date(values.startsAt);
  const valid = !Number.isNaN(at.getTime());
  const locale = locales[format.language];
  const date = valid
    ? new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: format.timeZone }).format(at)
    : '';
  const time = valid ? new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: format.timeZone }).format(at) : '';
  const filled: Record<string, string> = { ...values, date, time };
  return body.replace(/\{([a-z]+)\}/gi, (whole, name: string) => {
    const key = placeholders[name.toLowerCase()];
    return key === undefined ? whole : (filled[key] ?? '');
  });
}

/** The template a centre uses: its edited one, else the default. */
export function templateBody(templates: readonly MessageTemplate[] | undefined, kind: TemplateKind, language: Language): string {
  return templates?.find((t) => t.kind === kind && t.language === language)?.body ?? defaultTemplates[language][kind];
}
