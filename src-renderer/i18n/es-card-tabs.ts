/** Spanish names of the client card's tabs (seed 003) and of its header summary. */
export const esCardTabs = {
  cardTabs: {
    label: 'Secciones de la ficha',
    personal: 'Datos personales',
    history: 'Historial',
    stats: 'Estadísticas',
    passes: 'Bonos y planes',
    promos: 'Promociones',
    gallery: 'Galería',
    notes: 'Notas',
    consent: 'Consentimiento y privacidad',
  },
  cardSummary: {
    alerts: 'Avisos',
    importantNotes: 'Notas importantes: {{notes}}',
    pendingCredits_one: '{{count}} crédito pendiente de canjear',
    pendingCredits_other: '{{count}} créditos pendientes de canjear',
    unpaid_one: '{{count}} visita sin cobrar (60 días)',
    unpaid_other: '{{count}} visitas sin cobrar (60 días)',
    nextVisit: 'Próxima visita',
    nextVisitText: '{{when}} · {{what}} con {{professional}}',
    noNextVisit: 'Sin visitas previstas',
    balances: 'Bonos y planes',
    balance: '{{name}}: {{balance}}/{{total}} hasta el {{until}}',
    noBalances: 'Sin bonos ni planes vigentes',
  },
};
