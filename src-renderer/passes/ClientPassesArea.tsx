import type { ToSchedule } from '../../src-shared/domain/passes';
import { ClientPromotionsSection } from '../promos/ClientPromotionsSection';
import { ClientPassesSection } from './ClientPassesSection';
import { PendingCreditsSection } from './PendingCreditsSection';
import { ToScheduleSection } from './ToScheduleSection';

interface ClientPassesAreaProps {
  clientId: string;
  /** "Agendar" on a pass or plan covering services. */
  onBook: (item: ToSchedule) => void;
}

/** The client card's passes, plans, what is left to book, credits still to redeem and promotions. */
export function ClientPassesArea({ clientId, onBook }: ClientPassesAreaProps) {
  return (
    <div className="card-columns client-passes-area">
      <ClientPassesSection clientId={clientId} />
      <div className="card-side">
        <ToScheduleSection clientId={clientId} onBook={onBook} />
        <PendingCreditsSection clientId={clientId} />
        <ClientPromotionsSection clientId={clientId} />
      </div>
    </div>
  );
}
