import { parseArgs } from 'node:util';
import pg from 'pg';
import { createCentre, createDeskKey, listCentres, listDeskKeys, revokeDeskKey } from './admin';
import { migrate } from './db/migrate';
import { startCloudServer } from './server';

const usage = `Mostrador sync server

  npm run cloud -- --database-url postgres://… [--host 127.0.0.1] [--port 8787]
  npm run cloud -- --database-url … admin create-centre --name "Estudio Luz"
  npm run cloud -- --database-url … admin create-key --centre <centreId> --label "Recepción 1"
  npm run cloud -- --database-url … admin revoke-key --key <keyId>
  npm run cloud -- --database-url … admin list-keys --centre <centreId>
  npm run cloud -- --database-url … admin list-centres

DATABASE_URL is used when --database-url is not given.`;

const options = {
  'database-url': { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  name: { type: 'string' },
  centre: { type: 'string' },
  label: { type: 'string' },
  key: { type: 'string' },
  help: { type: 'boolean' },
} as const;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(2);
}

function parse() {
  try {
    return parseArgs({ allowPositionals: true, options });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

const { values, positionals } = parse();

function required(name: 'name' | 'centre' | 'label' | 'key'): string {
  const value = values[name];
  if (!value) fail(`--${name} is required`);
  return value;
}

async function admin(databaseUrl: string, command: string | undefined): Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await migrate(pool);
    const print = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    switch (command) {
      case 'create-centre':
        return print(await createCentre(pool, { name: required('name') }));
      case 'create-key': {
        const created = await createDeskKey(pool, { centreId: required('centre'), label: values.label ?? 'Desk' });
        print(created);
        process.stderr.write('Copy the key now: it is not shown again (only its hash is kept).\n');
        return;
      }
      case 'revoke-key':
        await revokeDeskKey(pool, required('key'));
        return print({ revoked: values.key });
      case 'list-keys':
        return print(await listDeskKeys(pool, required('centre')));
      case 'list-centres':
        return print(await listCentres(pool));
      default:
        fail(`unknown admin command ${command ?? '(none)'}`);
    }
  } finally {
    await pool.end();
  }
}

async function main(): Promise<void> {
  if (values.help) return void process.stdout.write(`${usage}\n`);
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) fail('--database-url (or DATABASE_URL) is required');
  if (positionals[0] === 'admin') return admin(databaseUrl, positionals[1]);
  if (positionals.length > 0) fail(`unknown command ${positionals.join(' ')}`);
  const port = values.port === undefined ? 8787 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be a port number');
  const server = await startCloudServer({ databaseUrl, host: values.host ?? '127.0.0.1', port, logger: true });
  process.stdout.write(`listening on ${server.url}\n`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
