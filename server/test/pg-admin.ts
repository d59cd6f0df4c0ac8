/** One statement on the PostgreSQL server's maintenance connection (create or drop a scratch database). */
import pg from 'pg';

export async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
