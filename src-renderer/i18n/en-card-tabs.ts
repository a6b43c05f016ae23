/** English names of the client card's tabs (seed 003) and of its header summary. */
export const enCardTabs = {
  cardTabs: {
    label: "Card's sections",
    personal: 'Personal data',
    history: 'History',
    stats: 'Statistics',
    passes: 'Passes and plans',
    promos: 'Promotions',
    gallery: 'Gallery',
    notes: 'Notes',
    consent: 'Consent and privacy',
  },
  cardSummary: {
    alerts: 'Alerts',
    importantNotes: 'Important notes: {{notes}}',
    pendingCredits_one: '{{count}} credit still to redeem',
    pendingCredits_other: '{{count}} credits still to redeem',
    unpaid_one: '{{count}} visit unpaid (60 days)',
    unpaid_other: '{{count}} visits unpaid (60 days)',
    nextVisit: 'Next visit',
    nextVisitText: '{{when}} · {{what}} with {{professional}}',
    noNextVisit: 'No visits booked',
    balances: 'Passes and plans',
    balance: '{{name}}: {{balance}}/{{total}} until {{until}}',
    noBalances: 'No live passes or plans',
  },
};
