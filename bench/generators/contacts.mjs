// Seeded, realistic-looking contacts for benchmarks: the same seed gives the same people.
import { seeded } from '../lib.mjs';

const FIRST = ['Ana', 'Bruno', 'Carla', 'Diego', 'Elisa', 'Felipe', 'Gabriela', 'Hugo', 'Isabela', 'João', 'Karen', 'Lucas', 'Marina', 'Nicolas', 'Olivia', 'Paulo', 'Rafaela', 'Sofia', 'Thiago', 'Valentina', 'William', 'Yara'];
const LAST = ['Silva', 'Souza', 'Costa', 'Santos', 'Oliveira', 'Pereira', 'Rodrigues', 'Almeida', 'Nascimento', 'Lima', 'Araújo', 'Fernandes', 'Carvalho', 'Gomes', 'Martins', 'Rocha', 'Ribeiro', 'Smith', 'Johnson', 'Brown'];
const DOMAINS = ['gmail.com', 'hotmail.com', 'yahoo.com.br', 'outlook.com', 'acme.com.br', 'globex.com', 'initech.io', 'umbrella.co', 'hooli.com', 'stark.industries'];
const SOURCES = ['Google', 'Direct Traffic', 'Organic Search', 'Olark Chat', 'Reference', 'Referral Sites', 'Facebook', 'Welingak Website'];
const STAGES = ['subscriber', 'lead', 'lead', 'lead', 'mql', 'sql', 'customer'];
const CITIES = ['São Paulo', 'Recife', 'Rio de Janeiro', 'Mumbai', 'Lisbon', 'Austin', 'Berlin', 'Curitiba'];

const pick = (random, list) => list[Math.floor(random() * list.length)];

/** Contact number `n` (0-based) of the stream with this seed, as the API accepts it. */
export function* contacts(seed, count, offset = 0) {
  const random = seeded(seed + offset);
  for (let n = offset; n < offset + count; n++) {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    yield {
      email: `${first}.${last}.${n}@${pick(random, DOMAINS)}`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
      first_name: first,
      last_name: last,
      city: pick(random, CITIES),
      source: pick(random, SOURCES),
      lifecycle_stage: pick(random, STAGES),
      tags: random() < 0.3 ? ['webinar'] : [],
      custom: { visits: Math.floor(random() * 40), plan: random() < 0.2 ? 'pro' : 'free' },
    };
  }
}
