import type { ClientInput } from '../../src-shared/api/clients';
import type { UntypedInvoke } from '../api/dispatch';
import { demoCaller } from './demo-call';
import {
  demoAllergies,
  demoCities,
  demoDni,
  demoEmailDomains,
  demoFamilyNotes,
  demoFirstNames,
  demoLastNames,
  demoLevels,
  demoNotes,
  demoPregnancyNote,
  demoProfessions,
  demoRandom,
  demoReferrals,
  demoStreets,
  demoTags,
  emailLocal,
} from './demo-data';
import type { AgendaSeedReport } from './seed-demo-agenda';
import { seedDemoAgenda } from './seed-demo-agenda';
import type { AppointmentsSeedReport } from './seed-demo-appointments';
import type { CheckoutSeedReport } from './seed-demo-checkout';
import { seedDemoCheckout } from './seed-demo-checkout';
import { seedDemoAppointments } from './seed-demo-appointments';
import { localDate } from '../engine/time/local-date';

export interface SeedReport {
  centre: string;
  customFields: number;
  tags: number;
  /** Clients created by this run: 0 when the centre already had some. */
  clientsCreated: number;
  /** The team, classes and bookings created by this run; null when the centre already had staff. */
  agenda: AgendaSeedReport | null;
  /** Appointment schedules and appointments created by this run; null with the agenda. */
  appointments: AppointmentsSeedReport | null;
  /** Passes, a plan, promo codes and a few sales created by this run; null with the agenda. */
  checkout: CheckoutSeedReport | null;
  /** What the demo does not fill yet. */
  skipped: string[];
}

const demoClientCount = 60;

/** Retail products and their tax-included prices (cents). */
const demoProducts: readonly (readonly [string, number])[] = [
  ['Champú reparador 250 ml', 1450],
  ['Mascarilla hidratante 200 ml', 1890],
  ['Aceite de argán 50 ml', 2200],
  ['Esmalte de uñas', 890],
];

/**
 * Fills the database with a demo centre through the API only (so every rule and the change log
 * apply). Running it again reuses the tags and fields by name and adds no clients to a centre that has some.
 */
export async function seedDemo(invoke: UntypedInvoke): Promise<SeedReport> {
  const call = demoCaller(invoke);

  const settings = await call('settings.update', {
    name: 'Estudio Alma Pilates & Estética',
    country: 'ES',
    timeZone: 'Europe/Madrid',
    currency: 'EUR',
    language: 'es',
  });
  // Who issues the receipts (B87654323: a limitada's NIF whose control digit, 3, is computed), and
  // what is sold over the counter: hair and beauty products at the general 21 %. Services take the
  // country's default (21 %) when created.
  await call('fiscal.settings.set', { legalName: 'Alma Pilates y Estética S.L.', taxId: 'B87654323', address: 'Calle de Fuencarral 45', postcode: '28004', city: 'Madrid' });
  const products = await call('products.list', { includeInactive: true });
  for (const [name, priceMinor] of demoProducts) {
    if (!products.some((p) => p.name === name)) await call('products.create', { name, priceMinor, vatRateBp: 2100 });
  }

  const fields = await call('customFields.list', {});
  async function field(label: string, kind: 'text' | 'number' | 'choice', options?: string[]): Promise<string> {
    const existing = fields.find((f) => f.label === label);
    if (existing) return existing.id;
    return (await call('customFields.create', { label, kind, ...(options ? { options } : {}) })).id;
  }
  const allergiesId = await field('Alergias', 'text');
  const shoeId = await field('Talla de calzado', 'number');
  const levelId = await field('Nivel', 'choice', [...demoLevels]);

  const tags = await call('tags.list', {});
  const tagIds: string[] = [];
  for (const [name, colour] of demoTags) {
    const existing = tags.find((t) => t.name === name);
    tagIds.push(existing ? existing.id : (await call('tags.create', { name, colour })).id);
  }

  const skipped: string[] = [];
  const { total } = await call('clients.search', { limit: 1 });
  if (total > 0) {
    return { centre: settings.name, customFields: 3, tags: tagIds.length, clientsCreated: 0, agenda: null, appointments: null, checkout: null, skipped: [...skipped, `clients: the centre already has ${total}`] };
  }

  const random = demoRandom(2024);
  const today = localDate(new Date(), settings.timeZone);
  const usedPhones = new Set<string>();
  const created: string[] = [];
  for (let i = 0; i < demoClientCount; i++) {
    const input = demoClient(i, random, usedPhones, { allergiesId, shoeId, levelId }, tagIds, today);
    created.push((await call('clients.create', input)).client.id);
  }
  const blacklisted = created[7];
  if (blacklisted) {
    await call('clients.setBlacklist', { id: blacklisted, blacklisted: true, reason: 'Tres citas sin avisar y un impago pendiente.' });
  }
  const pilatesTagId = tagIds[demoTags.findIndex(([name]) => name === 'Pilates')];
  const agenda = await seedDemoAgenda(call, today, created, pilatesTagId);
  const appointments = agenda ? await seedDemoAppointments(call, today, created) : null;
  // The blacklisted client buys nothing: the first three others do.
  const buyers = created.filter((id) => id !== blacklisted);
  const checkout = agenda ? await seedDemoCheckout(call, buyers) : null;
  return { centre: settings.name, customFields: 3, tags: tagIds.length, clientsCreated: created.length, agenda, appointments, checkout, skipped };
}

type Random = ReturnType<typeof demoRandom>;

function demoClient(
  index: number,
  random: Random,
  usedPhones: Set<string>,
  fieldIds: { allergiesId: string; shoeId: string; levelId: string },
  tagIds: string[],
  today: string,
): ClientInput {
  const pregnancyTag = demoTags.findIndex(([name]) => name === 'Embarazo');
  // The first few are the names a demo is shown with; the rest are drawn at random.
  const fixed: [string, string, 'female' | 'male'][] = [
    ['José', 'Muñoz', 'male'],
    ['María', 'Pérez Gómez', 'female'],
    ['Íñigo', 'Etxeberria Ruiz', 'male'],
    ['Begoña', 'Núñez', 'female'],
    ['Lucía', 'Fernández Álvarez', 'female'],
  ];
  const chosen = fixed[index];
  const [firstName, sex] = chosen ? [chosen[0], chosen[2]] : random.pick(demoFirstNames);
  const lastName = chosen ? chosen[1] : `${random.pick(demoLastNames)} ${random.pick(demoLastNames)}`;
  let phone: string;
  do phone = `6${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
  while (usedPhones.has(phone));
  usedPhones.add(phone);
  const [city, postalCode] = random.pick(demoCities);
  const year = random.int(1955, 2005);
  const birthDate = `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  const age = Number(today.slice(0, 4)) - year;
  // Nothing a card could contradict: only a woman of the age is pregnant (tag and note agree), a student is young,
  // a retired client is not.
  const pregnant = sex === 'female' && age >= 22 && age <= 42 && random.chance(0.25);
  const clientTags = tagIds.filter((id, i) => (i === pregnancyTag ? pregnant : random.chance(0.18)));
  const [female, male] = random.pick(demoProfessions);
  const profession = age < 24 ? 'Estudiante' : age >= 66 ? (sex === 'female' ? 'Jubilada' : 'Jubilado') : sex === 'female' ? female : male;
  const input: ClientInput = {
    firstName,
    lastName,
    sex,
    phone: `${phone.slice(0, 3)} ${phone.slice(3, 5)} ${phone.slice(5, 7)} ${phone.slice(7)}`,
    email: `${emailLocal(firstName)}.${emailLocal(lastName.split(' ')[0] ?? '')}${index}@${random.pick(demoEmailDomains)}`,
    birthDate,
    city,
    postalCode,
    address: `${random.pick(demoStreets)} ${random.int(1, 120)}`,
    profession,
    referralSource: random.pick(demoReferrals),
    tagIds: clientTags,
    customFields: {
      [fieldIds.levelId]: random.pick(demoLevels),
      ...(random.chance(0.4) ? { [fieldIds.allergiesId]: random.pick(demoAllergies) } : {}),
      ...(random.chance(0.5) ? { [fieldIds.shoeId]: random.int(35, 45) } : {}),
    },
  };
  if (random.chance(0.4)) input.taxId = demoDni(random.int(10_000_000, 79_999_999));
  if (pregnant) input.notes = demoPregnancyNote;
  else if (random.chance(0.5)) input.notes = random.chance(0.1) ? demoFamilyNotes[sex] : random.pick(demoNotes);
  if (random.chance(0.3)) input.weightKg = random.int(48, 95);
  if (random.chance(0.3)) input.heightCm = random.int(150, 195);
  return input;
}
