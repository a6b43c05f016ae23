import { PageHeader } from '../components/bits';

export function ComingSoonPage({ title, text }: { title: string; text: string }) {
  return (
    <section className="page">
      <PageHeader title={title} />
      <div className="panel coming-soon">
        <p>{text}</p>
      </div>
    </section>
  );
}
