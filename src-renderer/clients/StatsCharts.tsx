import { ArcElement, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar, Doughnut } from 'react-chartjs-2';
import { currentLocale } from '../i18n';

// Only the parts these charts use (chart.js is tree-shaken); this module loads with the Estadísticas tab.
Chart.register(ArcElement, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const primary = '#1f6f68';
/** Distinct, colour-blind-friendly slices (Okabe–Ito), the brand colour first. */
const palette = [primary, '#e69f00', '#56b4e9', '#009e73', '#d55e00', '#cc79a7', '#0072b2', '#f0e442', '#999999'];

/**
 * The canvas is an image named by the chart's summary sentence (role="img"); the figures themselves
 * are in the table beside it, so nothing is only in the picture.
 */
export function BarChart({ label, labels, values, series, format }: { label: string; labels: string[]; values: number[]; series: string; format: (n: number) => string }) {
  return (
    <div className="stats-canvas">
      <Bar
        role="img"
        aria-label={label}
        data={{ labels, datasets: [{ label: series, data: values, backgroundColor: primary, borderRadius: 3, maxBarThickness: 28 }] }}
        options={{
          locale: currentLocale(),
          maintainAspectRatio: false,
          animation: false,
          plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => `${series}: ${format(Number(item.raw))}` } } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0, callback: (v) => format(Number(v)) } }, x: { ticks: { autoSkip: true, maxRotation: 0 } } },
        }}
      />
    </div>
  );
}

export function DoughnutChart({ label, labels, values }: { label: string; labels: string[]; values: number[] }) {
  return (
    <div className="stats-canvas">
      <Doughnut
        role="img"
        aria-label={label}
        data={{ labels, datasets: [{ data: values, backgroundColor: labels.map((_, i) => palette[i % palette.length]!) }] }}
        options={{ locale: currentLocale(), maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'right' } } }}
      />
    </div>
  );
}
