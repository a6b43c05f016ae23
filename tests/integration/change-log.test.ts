import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../src-shared/api/contract';
import { settlePush } from '../../src-main/db/sync/settle-push';
import type { TempApi } from '../helpers/temp-api';
import { openTempApi } from '../helpers/temp-api';
import { tinyPngDataUrl } from '../helpers/agenda-fixtures';
import { changeLog, rowCounts } from './db-inspect';

let api: TempApi;
beforeEach(async () => {
  api = await openTempApi();
});
afterEach(async () => {
  await api.close();
});

function logSize(): number {
  return changeLog(api.host.database.sqlite).length;
}

/** Runs a successful write and checks it appended exactly one entry naming the call. */
async function expectOneEntry(run: () => Promise<unknown>, call: string) {
  const before = changeLog(api.host.database.sqlite);
  await run();
  const after = changeLog(api.host.database.sqlite);
  expect(after).toHaveLength(before.length + 1);
  expect(after.at(-1)?.call).toBe(call);
}

describe('the change log', () => {
  it('gets exactly one entry per successful write, of every write call', async () => {
    const calls = new Set<string>();
    const write = async (call: string, run: () => Promise<unknown>) => {
      calls.add(call);
      await expectOneEntry(run, call);
    };
    await write('settings.update', () => api.call('settings.update', { name: 'Estudio Alma' }));
    await write('templates.update', () => api.call('templates.update', { kind: 'reminder', language: 'es', body: 'Hola {cliente}, {fecha}' }));
    let tagId = '';
    await write('tags.create', async () => (tagId = (await api.call('tags.create', { name: 'VIP' })).id));
    await write('tags.update', () => api.call('tags.update', { id: tagId, colour: '#112233' }));
    let fieldId = '';
    await write('customFields.create', async () => (fieldId = (await api.call('customFields.create', { label: 'Nivel', kind: 'choice', options: ['Inicial', 'Avanzado'] })).id));
    await write('customFields.update', () => api.call('customFields.update', { id: fieldId, position: 3 }));
    let clientId = '';
    await write('clients.create', async () => {
      clientId = (await api.call('clients.create', { firstName: 'Ana', tagIds: [tagId], customFields: { [fieldId]: 'Inicial' } })).client.id;
    });
    await write('clients.update', () => api.call('clients.update', { id: clientId, lastName: 'Ruiz' }));
    await write('clients.setBlacklist', () => api.call('clients.setBlacklist', { id: clientId, blacklisted: true, reason: 'x' }));
    await write('clients.removeTag', () => api.call('clients.removeTag', { clientId, tagId }));
    await write('clients.addTag', () => api.call('clients.addTag', { clientId, tagId }));
    // A deletion scrubs the client's earlier entries (their personal data) and adds its own one.
    const aboutClient = changeLog(api.host.database.sqlite).filter((row) => row.subject_client_id === clientId).length;
    expect(aboutClient).toBe(5);
    const beforeDelete = logSize();
    calls.add('clients.delete');
    await api.call('clients.delete', { id: clientId });
    expect(logSize()).toBe(beforeDelete - aboutClient + 1);
    expect(changeLog(api.host.database.sqlite).at(-1)?.call).toBe('clients.delete');
    await write('customFields.delete', () => api.call('customFields.delete', { id: fieldId }));
    await write('tags.delete', () => api.call('tags.delete', { id: tagId }));
    // The gallery (issue 13).
    const photoClient = (await api.call('clients.create', { firstName: 'Bea' })).client.id;
    let photoId = '';
    await write('photos.add', async () => (photoId = (await api.call('photos.add', { clientId: photoClient, dataUrl: tinyPngDataUrl, kind: 'result' })).id));
    await write('photos.update', () => api.call('photos.update', { id: photoId, caption: 'Mechas' }));
    await write('clients.setPhoto', () => api.call('clients.setPhoto', { clientId: photoClient, photoId }));
    await write('photos.delete', () => api.call('photos.delete', { id: photoId }));
    await write('clients.import', () => api.call('clients.import', { data: Buffer.from('Nombre;Teléfono\nLuz;612345679\n').toString('base64') }));

    // The agenda (issue 3).
    let staffId = '';
    await write('staff.create', async () => (staffId = (await api.call('staff.create', { name: 'Ana', role: 'professional' })).id));
    await write('staff.update', () => api.call('staff.update', { id: staffId, colour: '#224466' }));
    await api.call('auth.signIn', { staffId });
    let typeId = '';
    await write('sessionTypes.create', async () => (typeId = (await api.call('sessionTypes.create', { name: 'Yoga', defaultDurationMin: 60 })).id));
    await write('sessionTypes.update', () => api.call('sessionTypes.update', { id: typeId, defaultPlaces: 8 }));
    await write('sessionTypes.delete', () => api.call('sessionTypes.delete', { id: typeId }));
    let serviceId = '';
    await write('services.create', async () => (serviceId = (await api.call('services.create', { name: 'Corte', durationMin: 30, priceMinor: 1500 })).id));
    await write('services.update', () => api.call('services.update', { id: serviceId, active: false }));
    let seriesId = '';
    const startDate = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await write('series.create', async () => {
      const created = await api.call('series.create', {
        title: 'Pilates',
        organizerId: staffId,
        startDate,
        startTime: '09:00',
        durationMin: 60,
        places: 1,
        recurrence: { weekdays: [1, 3], intervalWeeks: 1, end: { kind: 'weeks', weeks: 3 } },
      });
      seriesId = created.series.id;
    });
    const occurrenceIds = api.host.database.sqlite.prepare('SELECT id FROM occurrences WHERE series_id = ? ORDER BY starts_at').pluck().all(seriesId) as string[];
    await write('series.update', () => api.call('series.update', { occurrenceId: occurrenceIds[0]!, scope: 'all', changes: { title: 'Pilates suave' } }));
    await write('series.cancel', () => api.call('series.cancel', { occurrenceId: occurrenceIds.at(-1)!, scope: 'occurrence' }));
    const eva = (await api.call('clients.create', { firstName: 'Eva' })).client.id;
    const luz = (await api.call('clients.create', { firstName: 'Luz' })).client.id;
    let evaBooking = '';
    let luzBooking = '';
    await write('sessions.book', async () => (evaBooking = (await api.call('sessions.book', { occurrenceId: occurrenceIds[0]!, clientId: eva })).id));
    luzBooking = (await api.call('sessions.book', { occurrenceId: occurrenceIds[0]!, clientId: luz })).id;
    await write('sessions.markOffered', () => api.call('sessions.markOffered', { bookingId: luzBooking }));
    await write('sessions.cancelBooking', () => api.call('sessions.cancelBooking', { bookingId: evaBooking }));
    const [notice] = await api.call('notifications.list', {});
    await write('notifications.dismiss', () => api.call('notifications.dismiss', { id: notice!.id }));
    await write('sessions.completeBooking', () => api.call('sessions.completeBooking', { bookingId: luzBooking }));
    await write('sessions.setAttendance', () => api.call('sessions.setAttendance', { bookingId: luzBooking, status: 'booked' }));
    // Appointment schedules (issue 4).
    const corte = (await api.call('services.create', { name: 'Peinado', durationMin: 30, priceMinor: 1800 })).id;
    const allWeek = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '20:00' }));
    let scheduleId = '';
    await write('schedules.create', async () => {
      scheduleId = (await api.call('schedules.create', { staffId, name: 'Citas', durationMin: 30, serviceIds: [corte], ranges: allWeek })).id;
    });
    await write('schedules.update', () => api.call('schedules.update', { id: scheduleId, bufferAfterMin: 5 }));
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    let exceptionId = '';
    await write('schedules.setException', async () => {
      exceptionId = (await api.call('schedules.setException', { staffId, date: day, kind: 'hours', ranges: [{ start: '10:00', end: '14:00' }] })).id;
    });
    await write('schedules.removeException', () => api.call('schedules.removeException', { id: exceptionId }));
    await write('holidays.set', () => api.call('holidays.set', { date: day, name: 'Fiesta' }));
    await write('holidays.remove', () => api.call('holidays.remove', { date: day }));
    const [slot] = await api.call('slots.find', { serviceId: corte, staffId, from: day, to: day });
    let appointmentId = '';
    await write('appointments.book', async () => (appointmentId = (await api.call('appointments.book', { clientId: eva, staffId, serviceId: corte, startsAt: slot!.startsAt })).id));
    const [, later] = await api.call('slots.find', { serviceId: corte, staffId, from: day, to: day });
    await write('appointments.reschedule', () => api.call('appointments.reschedule', { appointmentId, startsAt: later!.startsAt }));
    await write('appointments.setStatus', () => api.call('appointments.setStatus', { appointmentId, status: 'booked' }));
    await write('appointments.cancel', () => api.call('appointments.cancel', { appointmentId, reason: 'Viaje' }));
    const appointmentEntries = changeLog(api.host.database.sqlite).filter((row) => row.entity === 'appointment');
    expect(appointmentEntries.map((row) => [row.call, row.entity_id, row.subject_client_id])).toEqual(
      ['appointments.book', 'appointments.reschedule', 'appointments.setStatus', 'appointments.cancel'].map((call) => [call, appointmentId, eva]),
    );
    await write('schedules.delete', () => api.call('schedules.delete', { id: scheduleId }));

    // Client notes (issue 13): each write one entry, about the client, without the note's words.
    let noteId = '';
    await write('notes.add', async () => (noteId = (await api.call('notes.add', { clientId: eva, body: 'Fórmula 6.1 + 20 vol', visibility: 'shared' })).id));
    await write('notes.update', () => api.call('notes.update', { id: noteId, body: 'Fórmula 6.1 + 30 vol' }));
    await write('notes.delete', () => api.call('notes.delete', { id: noteId }));
    expect(changeLog(api.host.database.sqlite).filter((row) => row.entity === 'client_note').every((row) => row.subject_client_id === eva && !String(row.changes).includes('Fórmula'))).toBe(true);

    // Passes, plans and the credit policy (issue 5).
    const yogaType = (await api.call('sessionTypes.create', { name: 'Yoga bono', defaultDurationMin: 60 })).id;
    let passProductId = '';
    await write('passProducts.create', async () => {
      passProductId = (
        await api.call('passProducts.create', { name: 'Bono 10', credits: 10, sessionTypeIds: [yogaType], serviceIds: [], validity: { kind: 'days', days: 90 }, priceMinor: 8000 })
      ).id;
    });
    await write('passProducts.update', () => api.call('passProducts.update', { id: passProductId, priceMinor: 7500 }));
    let planProductId = '';
    await write('planProducts.create', async () => {
      planProductId = (await api.call('planProducts.create', { name: 'Plan Peinado', items: [{ serviceId: corte, quantity: 2 }], validityDays: 60, priceMinor: 3000 })).id;
    });
    await write('planProducts.update', () => api.call('planProducts.update', { id: planProductId, validityDays: 90 }));
    await write('creditPolicy.update', () => api.call('creditPolicy.update', { cancelWindowHours: 24 }));
    await api.call('checkout.commit', { clientId: luz, lines: [{ kind: 'pass', passProductId }], payments: [{ method: 'card', amountMinor: 7500 }] });
    const [luzPass] = await api.call('passes.ofClient', { clientId: luz });
    await write('passes.adjust', () => api.call('passes.adjust', { passId: luzPass!.id, delta: 1, reason: 'Regalo' }));
    const { series: yogaSeries } = await api.call('series.create', {
      title: 'Yoga',
      organizerId: staffId,
      sessionTypeId: yogaType,
      startDate,
      startTime: '18:00',
      durationMin: 60,
      places: 5,
      redeemableWithPasses: true,
    });
    const yogaOccurrence = api.host.database.sqlite.prepare('SELECT id FROM occurrences WHERE series_id = ?').pluck().get(yogaSeries.id) as string;
    const pendingBooking = await api.call('sessions.book', { occurrenceId: yogaOccurrence, clientId: luz });
    await write('passes.redeem', () => api.call('passes.redeem', { target: { kind: 'booking', id: pendingBooking.id } }));
    const passEntries = changeLog(api.host.database.sqlite).filter((row) => row.call.startsWith('passes.'));
    expect(passEntries.map((row) => [row.call, row.entity, row.entity_id, row.subject_client_id])).toEqual([
      ['passes.adjust', 'client_pass', luzPass!.id, luz],
      ['passes.redeem', 'booking', pendingBooking.id, luz],
    ]);

    // The centre's fiscal data, retail products and its own payment methods (issue 14): an entry each.
    await write('fiscal.settings.set', () => api.call('fiscal.settings.set', { legalName: 'Centro Alba S.L.', taxId: 'B12345674', address: 'Calle Mayor 12', postcode: '28013', city: 'Madrid' }));
    let productId = '';
    await write('products.create', async () => (productId = (await api.call('products.create', { name: 'Champú', priceMinor: 1290 })).id));
    await write('products.update', () => api.call('products.update', { id: productId, vatRateBp: 1000 }));
    let methodId = '';
    await write('paymentMethods.create', async () => (methodId = (await api.call('paymentMethods.create', { name: 'Tarjeta regalo' })).id));
    await write('paymentMethods.update', () => api.call('paymentMethods.update', { id: methodId, active: false }));
    expect(changeLog(api.host.database.sqlite).slice(-5).map((row) => [row.call, row.entity, row.entity_id])).toEqual([
      ['fiscal.settings.set', 'centre_fiscal', 'centre'],
      ['products.create', 'product', productId],
      ['products.update', 'product', productId],
      ['paymentMethods.create', 'payment_method', methodId],
      ['paymentMethods.update', 'payment_method', methodId],
    ]);

    // Promo codes and sales (issue 5).
    let promoId = '';
    await write('promos.create', async () => (promoId = (await api.call('promos.create', { code: 'Bienvenida', kind: 'percent', value: 10, maxUsesPerClient: 1 })).id));
    await write('promos.update', () => api.call('promos.update', { id: promoId, serviceIds: [corte] }));
    await write('promos.attach', () => api.call('promos.attach', { clientId: eva, code: 'BIENVENIDA' }));
    let saleId = '';
    await write('checkout.commit', async () => {
      const lines = [{ kind: 'service' as const, serviceId: corte }];
      saleId = (await api.call('checkout.commit', { clientId: eva, lines, promoCode: 'bienvenida', payments: [{ method: 'cash', amountMinor: 1620 }] })).id;
    });
    await write('invoices.issueFull', () => api.call('invoices.issueFull', { saleId, customer: { name: 'Eva Ruiz', taxId: '12345678Z' } }));
    await write('sales.void', () => api.call('sales.void', { id: saleId, reason: 'Error de caja' }));
    const saleEntries = changeLog(api.host.database.sqlite).filter((row) => row.entity_id === saleId || row.entity_id === promoId);
    expect(saleEntries.map((row) => [row.call, row.entity, row.entity_id, row.subject_client_id])).toEqual([
      ['promos.create', 'promo_code', promoId, null],
      ['promos.update', 'promo_code', promoId, null],
      ['promos.attach', 'client_promotion', promoId, eva],
      ['checkout.commit', 'sale', saleId, eva],
      ['invoices.issueFull', 'sale', saleId, eva],
      ['sales.void', 'sale', saleId, eva],
    ]);

    // Blacklist suggestions (issue 13): the thresholds, then dismissing Luz's suggestion (a no-show set straight in the file).
    await write('blacklistRules.update', () => api.call('blacklistRules.update', { noShowCount: 1 }));
    api.host.database.sqlite.prepare("UPDATE bookings SET status = 'no_show' WHERE id = ?").run(pendingBooking.id);
    await write('blacklistSuggestions.dismiss', () => api.call('blacklistSuggestions.dismiss', { clientId: luz }));
    expect(changeLog(api.host.database.sqlite).at(-1)).toMatchObject({ entity: 'blacklist_dismissal', entity_id: luz, subject_client_id: luz });

    // Consent and "Export everything" (issue 13): each an entry about the client.
    await write('consents.record', () => api.call('consents.record', { clientId: eva, purpose: 'promotions', granted: true, method: 'paper' }));
    await write('clients.export', () => api.call('clients.export', { clientId: eva }));
    expect(changeLog(api.host.database.sqlite).at(-1)?.subject_client_id).toBe(eva);
    // Sign-in (this issue): a PIN set is one entry, naming what changed but never the PIN.
    // This desk's own settings: audited like any write, though they stay on this machine.
    await write('backups.setFolder', () => api.call('backups.setFolder', { folder: api.dir }));
    await write('sync.configure', () => api.call('sync.configure', { endpoint: 'https://sync.example.com/', key: 'mst_desk', enabled: false }));
    // A server that refused a booking of this desk: the conflict it leaves is dismissed, and audited.
    const refused = api.host.database.sqlite.prepare("SELECT row_id, MAX(seq) AS seq FROM feed WHERE tbl = 'bookings' AND row_id = json_array(?)").get(luzBooking) as { row_id: string; seq: number };
    await settlePush(api.host.database, { appliedThrough: 0, serverSeq: 1, refused: [{ group: [refused.seq, refused.seq], reason: 'place_taken', tbl: 'bookings', rowId: refused.row_id, serverSeq: 1 }] }, new Date().toISOString());
    const [conflict] = await api.call('sync.conflicts', {});
    await write('sync.dismissConflict', () => api.call('sync.dismissConflict', { id: conflict!.id }));
    await write('updates.setFeed', () => api.call('updates.setFeed', { url: 'https://updates.example.com/mostrador', channel: 'latest' }));
    await write('fiscal.endpoint.set', () => api.call('fiscal.endpoint.set', { enabled: false, url: 'http://127.0.0.1:9/verifactu', certificateFile: null }));
    // The till (issue 14): the sale above opened today's session with no float; opening it sets the float.
    await write('till.open', () => api.call('till.open', { floatMinor: 5000 }));
    await write('till.movement', () => api.call('till.movement', { kind: 'in', amountMinor: 1000, reason: 'Cambio del banco' }));
    const till = (await api.call('till.current', {}))!;
    const others = till.methods.filter((m) => m.method !== 'cash').map((m) => ({ method: m.method as 'card', countedMinor: Math.max(0, m.expectedMinor), reason: 'Revisado' }));
    await write('till.close', () => api.call('till.close', { sessionId: till.id, cash: { counts: { '5000': 1, '1000': 1 }, reason: 'Revisado' }, methods: others }));
    await write('till.correct', () => api.call('till.correct', { sessionId: till.id, method: 'cash', amountMinor: -200, reason: 'Billete falso' }));

    const owner = (await api.call('staff.create', { name: 'Olga', role: 'owner' })).id;
    await api.call('auth.signIn', { staffId: owner });
    await write('staff.setPin', () => api.call('staff.setPin', { staffId: owner, pin: '2580' }));
    expect(JSON.parse(changeLog(api.host.database.sqlite).at(-1)!.changes)).toEqual({ pin: 'set' });

    // Writes after signing in record who was at the desk.
    const staffIds = api.host.database.sqlite.prepare("SELECT DISTINCT staff_id FROM change_log WHERE call LIKE 'sessions.%' OR call LIKE 'series.%'").pluck().all();
    expect(staffIds).toEqual([staffId]);

    const writeCalls = Object.entries(contract).filter(([, spec]) => spec.kind === 'command').map(([name]) => name);
    expect([...calls].sort()).toEqual(writeCalls.sort());
  });

  it('records what changed, with entity, id and time', async () => {
    const { client } = await api.call('clients.create', { firstName: 'Ana', lastName: 'Ruiz' });
    const entry = api.host.database.sqlite.prepare('SELECT * FROM change_log ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
    expect(entry).toMatchObject({ call: 'clients.create', entity: 'client', entity_id: client.id, subject_client_id: client.id, synced_at: null });
    expect(JSON.parse(String(entry.changes))).toMatchObject({ firstName: 'Ana', lastName: 'Ruiz' });
    expect(entry.at).toBe(client.createdAt);
  });

  it('gets nothing from reads', async () => {
    await api.call('clients.create', { firstName: 'Ana' });
    const before = logSize();
    await api.call('settings.get', {});
    await api.call('clients.search', { query: 'ana' });
    await api.call('tags.list', {});
    await api.call('customFields.list', {});
    await api.call('clients.checkDuplicates', { phone: '612345678' });
    expect(logSize()).toBe(before);
  });

  it('gets nothing, and nothing is written, when a write is refused', async () => {
    const tag = await api.call('tags.create', { name: 'VIP' });
    const { client } = await api.call('clients.create', { firstName: 'Ana', phone: '612345678' });
    const before = rowCounts(api.host.database.sqlite);
    const refusals: [string, unknown][] = [
      ['clients.create', { firstName: 'Eva', phone: '123' }],
      ['clients.create', { firstName: 'Eva', taxId: '12345678A' }],
      ['clients.create', { firstName: 'Eva', tagIds: ['01ARZ3NDEKTSV4RRFFQ69G5FAV'] }],
      ['clients.create', { firstName: 'Eva', birthDate: '2999-01-01' }],
      ['clients.update', { id: client.id, email: 'no-es-un-correo' }],
      ['clients.update', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', firstName: 'X' }],
      ['clients.addTag', { clientId: client.id, tagId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }],
      ['clients.delete', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }],
      ['tags.create', { name: 'vip' }],
      ['tags.update', { id: tag.id, name: '' }],
      ['settings.update', { timeZone: 'Europe/Atlantis' }],
      ['customFields.create', { label: 'Nivel', kind: 'choice', options: [] }],
    ];
    for (const [call, input] of refusals) await api.refuse(call, input);
    expect(rowCounts(api.host.database.sqlite)).toEqual(before);
  });
});
