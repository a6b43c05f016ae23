import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../src-shared/domain/client';
import type { CustomField } from '../../src-shared/domain/custom-field';
import { useQuery } from '../api/client';
import { AppointmentPanel } from '../appointments/AppointmentPanel';
import { BookAppointmentDialog } from '../appointments/BookAppointmentDialog';
import { ClientHistorySection } from '../appointments/ClientHistorySection';
import { BlacklistDialog } from '../clients/BlacklistDialog';
import { ClientCardHeader } from '../clients/ClientCardHeader';
import { ClientCustomFields } from '../clients/ClientCustomFields';
import { ClientFields } from '../clients/ClientFields';
import { otherKeys, personalKeys } from '../clients/client-form';
import { ClientTagsSection } from '../clients/ClientTagsSection';
import { DeleteClientDialog } from '../clients/DeleteClientDialog';
import { SavedWarningsBanner } from '../clients/DuplicateWarnings';
import { useClientForm } from '../clients/useClientForm';
import { ErrorBanner } from '../components/bits';
import { CancelSaveButtons } from '../components/CancelSaveButtons';
import { PanelSection } from '../components/PanelSection';
import { fullName } from '../lib/format';
import { href } from '../lib/router';
import { cardTabIds, cardTabs, cardTabSlugs, tabOfSlug, type CardTabId } from '../clients/card-tabs';
import { CardTabStrip, tabButtonId, tabPanelId } from '../clients/CardTabStrip';
import { useCardScroll } from '../clients/useCardScroll';
import { ClientPassesSection } from '../passes/ClientPassesSection';
import { PendingCreditsSection } from '../passes/PendingCreditsSection';
import { ToScheduleSection } from '../passes/ToScheduleSection';
import { AttachPromoDialog } from '../promos/AttachPromoDialog';
import { ClientPromotionsSection } from '../promos/ClientPromotionsSection';

function BackToClients() {
  const { t } = useTranslation();
  return (
    <a className="back-link" href={href({ page: 'clients' })}>
      ← {t('card.back')}
    </a>
  );
}

/** The tabs the page draws itself; the others come from the sections' registry (card-tabs.tsx). */
const pageTabs: readonly CardTabId[] = ['personal', 'history', 'passes', 'promos'];

export function ClientCardPage({ id, tab }: { id: string | null; tab?: string }) {
  const { t } = useTranslation();
  const client = useQuery('clients.get', id ? { id } : null);
  const customFields = useQuery('customFields.list', {});

  if (id && client.error) {
    return (
      <section className="page">
        <BackToClients />
        <div className="banner banner-error" role="alert">
          {client.error.code === 'not_found' ? t('card.notFound') : client.error.message || t('errors.generic')}
        </div>
      </section>
    );
  }
  if ((id && !client.data) || !customFields.data) {
    return (
      <section className="page" aria-busy="true">
        <p className="muted">{t('app.loading')}</p>
      </section>
    );
  }
  return <ClientCard client={id ? (client.data ?? null) : null} customFields={customFields.data} routeTab={tabOfSlug(tab)} />;
}

function ClientCard({ client, customFields, routeTab }: { client: Client | null; customFields: CustomField[]; routeTab: CardTabId }) {
  const { t } = useTranslation();
  // The open tab lives in the address, so a reload (or a link such as "credits pending") opens it.
  const [tab, setTab] = useState<CardTabId>(routeTab);
  useEffect(() => setTab(routeTab), [routeTab]);
  const selectTab = (next: CardTabId) => {
    setTab(next);
    if (client) window.history.replaceState(null, '', href({ page: 'client', id: client.id, tab: cardTabSlugs[next] }));
  };
  const tabs = cardTabIds.filter((id) => pageTabs.includes(id) || cardTabs[id] !== undefined);
  const shown = client ? tab : 'personal';
  useCardScroll(client?.id, shown);
  const Registered = cardTabs[shown];
  const form = useClientForm(client, customFields);
  const [dialog, setDialog] = useState<'blacklist' | 'delete' | 'book' | 'promo' | null>(null);
  /** The service of a "Por reservar" item the desk books from the card. */
  const [bookService, setBookService] = useState<string | undefined>(undefined);
  const [openAppointmentId, setOpenAppointmentId] = useState<string | null>(null);

  return (
    <section className="page client-card">
      <BackToClients />
      <ClientCardHeader
        client={client}
        draftName={form.form.fields.firstName}
        editing={form.editing}
        onEdit={form.startEdit}
        onOpenDialog={setDialog}
        onError={form.setBanner}
      />
      <ErrorBanner error={form.banner} onClose={() => form.setBanner(undefined)} />
      <SavedWarningsBanner warnings={form.savedWarnings} onClose={form.dismissWarnings} />

      {client && <CardTabStrip tabs={tabs} selected={shown} onSelect={selectTab} />}
      <div className="card-tabpanel" role={client ? 'tabpanel' : undefined} id={tabPanelId(shown)} aria-labelledby={client ? tabButtonId(shown) : undefined}>
        {shown === 'personal' && (
          <form className="card-form" noValidate onSubmit={(e) => void form.save(e)}>
            <div className="card-columns">
              <PanelSection id="section-personal" title={t('card.personal')} className="card-section">
                <ClientFields keys={personalKeys} client={client} form={form} />
              </PanelSection>

              <div className="card-side">
                <ClientTagsSection client={client} newTagIds={form.newTagIds} setNewTagIds={form.setNewTagIds} onError={form.setBanner} />

                <PanelSection id="section-other" title={t('card.other')} className="card-section">
                  <ClientFields keys={otherKeys} single client={client} form={form} />
                </PanelSection>

                {customFields.length > 0 && (
                  <PanelSection id="section-custom" title={t('card.custom')} className="card-section">
                    <ClientCustomFields customFields={customFields} client={client} form={form} />
                  </PanelSection>
                )}
              </div>
            </div>

            {form.editing && (
              <div className="form-actions sticky-actions">
                <CancelSaveButtons onCancel={form.cancelEdit} saving={form.saving} />
              </div>
            )}
          </form>
        )}
        {client && shown === 'history' && <ClientHistorySection clientId={client.id} onOpen={setOpenAppointmentId} />}
        {client && shown === 'passes' && (
          <div className="card-columns client-passes-area">
            <ClientPassesSection clientId={client.id} />
            <div className="card-side">
              <ToScheduleSection
                clientId={client.id}
                onBook={(item) => {
                  setBookService(item.serviceIds[0]);
                  setDialog('book');
                }}
              />
              <PendingCreditsSection clientId={client.id} />
            </div>
          </div>
        )}
        {client && shown === 'promos' && <ClientPromotionsSection clientId={client.id} />}
        {client && Registered && (
          <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
            <Registered client={client} />
          </Suspense>
        )}
      </div>

      {client && dialog === 'blacklist' && <BlacklistDialog client={client} onClose={() => setDialog(null)} />}
      {client && dialog === 'delete' && <DeleteClientDialog client={client} onClose={() => setDialog(null)} />}
      {client && dialog === 'promo' && <AttachPromoDialog clientId={client.id} clientName={fullName(client)} onClose={() => setDialog(null)} />}
      {client && dialog === 'book' && (
        <BookAppointmentDialog
          preset={{
            client: { id: client.id, name: fullName(client), phone: client.phone, blacklisted: client.blacklisted },
            ...(bookService ? { serviceId: bookService } : {}),
          }}
          onClose={() => {
            setDialog(null);
            setBookService(undefined);
          }}
        />
      )}
      {openAppointmentId && <AppointmentPanel key={openAppointmentId} appointmentId={openAppointmentId} onClose={() => setOpenAppointmentId(null)} />}
    </section>
  );
}
