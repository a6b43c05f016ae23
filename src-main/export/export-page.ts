import type { Language } from '../../src-shared/domain/centre';
import type { ExportPart } from './client-export-sections';

/** Headings and the commonest keys, in the desk's language; anything else shows its key. */
const labels: Record<Language, Record<string, string>> = {
  es: {
    title: 'Datos del cliente',
    intro: 'Todos los datos que el centro guarda de este cliente, exportados el {at}. Los mismos datos, para programas, en data.json.',
    empty: 'Nada',
    yes: 'Sí',
    no: 'No',
    card: 'Ficha',
    customFields: 'Campos personalizados',
    tags: 'Etiquetas',
    history: 'Historial',
    appointments: 'Citas',
    bookings: 'Reservas de sesiones',
    passes: 'Bonos y planes',
    ledger: 'Movimientos',
    sales: 'Ventas',
    promotions: 'Promociones',
    consents: 'Consentimientos',
    notes: 'Notas',
    photos: 'Fotos',
    files: 'Archivos',
    firstName: 'Nombre',
    lastName: 'Apellidos',
    phone: 'Teléfono',
    email: 'Correo electrónico',
    birthDate: 'Fecha de nacimiento',
    address: 'Dirección',
    city: 'Ciudad',
    postalCode: 'Código postal',
    taxId: 'NIF',
    label: 'Campo',
    value: 'Valor',
    name: 'Nombre',
    date: 'Fecha',
    status: 'Estado',
    service: 'Servicio',
    session: 'Sesión',
    professional: 'Profesional',
    purpose: 'Finalidad',
    granted: 'Consiente',
    method: 'Cómo',
    recordedBy: 'Registrado por',
    recordedAt: 'Registrado el',
    createdAt: 'Creado el',
    updatedAt: 'Modificado el',
    sex: 'Sexo',
    weightKg: 'Peso (kg)',
    heightCm: 'Altura (cm)',
    clientGroup: 'Grupo',
    education: 'Estudios',
    profession: 'Profesión',
    referralSource: 'Cómo nos conoció',
    invoicingCodes: 'Códigos de facturación',
    registeredOn: 'Alta',
    blacklisted: 'En lista negra',
    blacklistReason: 'Motivo de la lista negra',
    blacklistedAt: 'En lista negra desde',
    note: 'Nota',
    kind: 'Tipo',
    colour: 'Color',
    start: 'Hora',
    end: 'Fin',
    cancelReason: 'Motivo de la cancelación',
    cancelledAt: 'Cancelada el',
    checkedInAt: 'Llegada',
    balance: 'Saldo',
    creditsTotal: 'Créditos',
    validFrom: 'Válido desde',
    validUntil: 'Válido hasta',
    expired: 'Caducado',
    delta: 'Movimiento',
    reason: 'Motivo',
    staffName: 'Personal',
    totalMinor: 'Total',
    visibility: 'Visibilidad',
    text: 'Texto',
    author: 'Autor',
    visit: 'Visita',
    appointment_messages: 'Mensajes de citas',
    in_person: 'En persona',
    paper: 'En papel',
    whatsapp: 'Por WhatsApp',
    online_form: 'Formulario en línea',
    booked: 'Reservada',
    attended: 'Asistió',
    no_show: 'No vino',
    cancelled: 'Cancelada',
    waitlisted: 'En lista de espera',
    private: 'Privada',
    shared: 'Compartida',
    paid: 'Pagada',
    voided: 'Anulada',
  },
  en: {
    title: 'Client data',
    intro: 'Everything the centre holds about this client, exported on {at}. The same data, for programs, is in data.json.',
    empty: 'Nothing',
    yes: 'Yes',
    no: 'No',
    card: 'Card',
    customFields: 'Custom fields',
    tags: 'Tags',
    history: 'History',
    appointments: 'Appointments',
    bookings: 'Session bookings',
    passes: 'Passes and plans',
    ledger: 'Movements',
    sales: 'Sales',
    promotions: 'Promotions',
    consents: 'Consents',
    notes: 'Notes',
    photos: 'Photos',
    files: 'Files',
    firstName: 'First name',
    lastName: 'Last name',
    phone: 'Phone',
    email: 'Email',
    birthDate: 'Birth date',
    address: 'Address',
    city: 'City',
    postalCode: 'Postal code',
    taxId: 'Tax id',
    label: 'Field',
    value: 'Value',
    name: 'Name',
    date: 'Date',
    status: 'Status',
    service: 'Service',
    session: 'Session',
    professional: 'Professional',
    purpose: 'Purpose',
    granted: 'Consents',
    method: 'How',
    recordedBy: 'Recorded by',
    recordedAt: 'Recorded on',
    createdAt: 'Created on',
    updatedAt: 'Changed on',
    sex: 'Sex',
    weightKg: 'Weight (kg)',
    heightCm: 'Height (cm)',
    clientGroup: 'Group',
    education: 'Education',
    profession: 'Profession',
    referralSource: 'How they found us',
    invoicingCodes: 'Invoicing codes',
    registeredOn: 'Registered on',
    blacklisted: 'Blacklisted',
    blacklistReason: 'Blacklist reason',
    blacklistedAt: 'Blacklisted since',
    note: 'Note',
    kind: 'Kind',
    colour: 'Colour',
    start: 'Time',
    end: 'End',
    cancelReason: 'Cancellation reason',
    cancelledAt: 'Cancelled on',
    checkedInAt: 'Arrived',
    balance: 'Balance',
    creditsTotal: 'Credits',
    validFrom: 'Valid from',
    validUntil: 'Valid until',
    expired: 'Expired',
    delta: 'Movement',
    reason: 'Reason',
    staffName: 'Staff',
    totalMinor: 'Total',
    visibility: 'Visibility',
    text: 'Text',
    author: 'Author',
    visit: 'Visit',
    appointment_messages: 'Appointment messages',
    in_person: 'In person',
    paper: 'On paper',
    whatsapp: 'By WhatsApp',
    online_form: 'Online form',
    booked: 'Booked',
    attended: 'Attended',
    no_show: 'No-show',
    cancelled: 'Cancelled',
    waitlisted: 'Waitlisted',
    private: 'Private',
    shared: 'Shared',
    paid: 'Paid',
    voided: 'Voided',
  },
};

/** Everything user-held goes through here: the page must show a name like <b> as text. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** How the page writes values: words for the codes, dates and instants the centre's way, money in its currency. */
interface Formats {
  label: (key: string) => string;
  instant: Intl.DateTimeFormat;
  date: Intl.DateTimeFormat;
  money: Intl.NumberFormat;
}

/** Keys whose values are codes the page puts in words (the method "email" is not an address). */
const codedKeys = new Set(['purpose', 'method', 'status', 'visibility']);
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function scalar(value: string | number | boolean, key: string | undefined, f: Formats): string {
  if (typeof value === 'boolean') return f.label(value ? 'yes' : 'no');
  if (typeof value === 'number') return escapeHtml(key?.endsWith('Minor') ? f.money.format(value / 10 ** (f.money.resolvedOptions().maximumFractionDigits ?? 2)) : String(value));
  if (key !== undefined && codedKeys.has(key)) return f.label(value);
  if (isoInstant.test(value)) return escapeHtml(f.instant.format(new Date(value)));
  if (isoDate.test(value)) return escapeHtml(f.date.format(new Date(`${value}T00:00:00Z`)));
  return escapeHtml(value);
}

function render(value: unknown, f: Formats, key?: string): string {
  if (value === null || value === undefined || value === '') return '<span class="muted">—</span>';
  if (typeof value !== 'object') return scalar(value as string | number | boolean, key, f);
  if (Array.isArray(value)) {
    if (value.length === 0) return `<span class="muted">${f.label('empty')}</span>`;
    // A list of records reads best as a table with the keys of all its rows.
    if (value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))) {
      const keys = [...new Set(value.flatMap((v) => Object.keys(v as object)))];
      const head = keys.map((k) => `<th>${f.label(k)}</th>`).join('');
      const rows = value.map((v) => `<tr>${keys.map((k) => `<td>${render((v as Record<string, unknown>)[k], f, k)}</td>`).join('')}</tr>`).join('');
      return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
    return `<ul>${value.map((v) => `<li>${render(v, f, key)}</li>`).join('')}</ul>`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return `<span class="muted">${f.label('empty')}</span>`;
  return `<dl>${entries.map(([k, v]) => `<dt>${f.label(k)}</dt><dd>${render(v, f, k)}</dd>`).join('')}</dl>`;
}

/** The readable page of an export: one section per part, and links to the files beside it. */
export function exportPage(parts: readonly ExportPart[], options: { language: Language; timeZone: string; currency: string; exportedAt: string; clientName: string }): string {
  const { language, timeZone, currency, exportedAt, clientName } = options;
  const words = labels[language];
  const label = (key: string) => escapeHtml(words[key] ?? key);
  const heading = label;
  const locale = language === 'es' ? 'es-ES' : 'en-GB';
  const f: Formats = {
    label,
    // 7/12/2026, 16:37: the language's way, the year in full.
    instant: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }),
    date: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }),
    money: new Intl.NumberFormat(locale, { style: 'currency', currency }),
  };
  const sections = parts
    .map((part) => {
      const files = (part.files ?? []).map((f) => `<li><a href="files/${encodeURI(f.path)}">${escapeHtml(f.path)}</a></li>`).join('');
      return `<section><h2>${heading(part.name)}</h2>${render(part.data, f)}${files ? `<h3>${heading('files')}</h3><ul>${files}</ul>` : ''}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'unsafe-inline'">
<title>${heading('title')} — ${escapeHtml(clientName)}</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1d1d1f; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: .25rem .4rem; text-align: left; vertical-align: top; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dt { font-weight: 600; } dd { margin: 0; } .muted { color: #777; }
</style>
</head>
<body>
<h1>${heading('title')} — ${escapeHtml(clientName)}</h1>
<p>${escapeHtml(words.intro!.replace('{at}', f.instant.format(new Date(exportedAt))))}</p>
${sections}
</body>
</html>
`;
}
