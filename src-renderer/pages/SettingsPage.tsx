import { useTranslation } from 'react-i18next';
import { BackupsSection } from '../backups/BackupsSection';
import { ServicesSection } from '../catalogue/ServicesSection';
import { SessionTypesSection } from '../catalogue/SessionTypesSection';
import { PageHeader } from '../components/bits';
import { CreditPolicySection } from '../passes/CreditPolicySection';
import { BlacklistRulesSection } from '../clients/BlacklistRulesSection';
import { PassProductsSection } from '../passes/PassProductsSection';
import { PlanProductsSection } from '../passes/PlanProductsSection';
import { PromoCodesSection } from '../promos/PromoCodesSection';
import { ExceptionsSection } from '../schedules/ExceptionsSection';
import { HolidaysSection } from '../schedules/HolidaysSection';
import { SchedulesSection } from '../schedules/SchedulesSection';
import { CentreSettingsSection } from '../settings/CentreSettingsSection';
import { CustomFieldsSection } from '../settings/CustomFieldsSection';
import { FiscalSettingsSection } from '../settings/FiscalSettingsSection';
import { PaymentMethodsSection } from '../settings/PaymentMethodsSection';
import { ProductsSection } from '../settings/ProductsSection';
import { LanguageSection } from '../settings/LanguageSection';
import { MessagesSection } from '../settings/MessagesSection';
import { TagsSection } from '../settings/TagsSection';
import { UpdatesSection } from '../settings/UpdatesSection';
import { StaffSection } from '../staff/StaffSection';
import { SyncSection } from '../sync/SyncSection';
import { VerifactuSection } from '../verifactu/VerifactuSection';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <section className="page settings-page">
      <PageHeader title={t('settings.title')} />
      <div className="settings-grid">
        <div className="settings-column">
          <LanguageSection />
          <CentreSettingsSection />
          <FiscalSettingsSection />
          <StaffSection />
          <MessagesSection />
        </div>
        <div className="settings-column">
          <TagsSection />
          <CustomFieldsSection />
          <SessionTypesSection />
          <ServicesSection />
        </div>
      </div>
      <div className="settings-appointments">
        <SchedulesSection />
        <div className="settings-grid">
          <ExceptionsSection />
          <HolidaysSection />
        </div>
      </div>
      <div className="settings-checkout settings-grid">
        <div className="settings-column">
          <PassProductsSection />
          <PlanProductsSection />
          <ProductsSection />
        </div>
        <div className="settings-column">
          <PromoCodesSection />
          <CreditPolicySection />
          <BlacklistRulesSection />
          <PaymentMethodsSection />
        </div>
      </div>
      <BackupsSection />
      <UpdatesSection />
      <SyncSection />
      <VerifactuSection />
    </section>
  );
}
