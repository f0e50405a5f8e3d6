/**
 * Synthetic campaign content for the benchmark: N plausible French events across 20
 * départements, dates over November 2024, generated reproducibly from a seed (mulberry32), and
 * written as an encre content folder (campaign.yaml + events/<code>.yaml).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';

/** A seeded PRNG (mulberry32): returns a function giving floats in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Département code → communes (20 départements of the south of France, 5–6 communes each). */
const DEPARTEMENTS: Record<string, string[]> = {
  '09': ['Foix', 'Pamiers', 'Saint-Girons', 'Lavelanet', 'Mirepoix', 'Tarascon-sur-Ariège'],
  '11': ['Carcassonne', 'Narbonne', 'Castelnaudary', 'Limoux', 'Lézignan-Corbières', 'Quillan'],
  '12': ['Rodez', 'Millau', 'Villefranche-de-Rouergue', 'Espalion', 'Decazeville', 'Saint-Affrique'],
  '15': ['Aurillac', 'Saint-Flour', 'Mauriac', 'Murat', 'Riom-ès-Montagnes'],
  '19': ['Tulle', 'Brive-la-Gaillarde', 'Ussel', 'Égletons', 'Argentat-sur-Dordogne'],
  '24': ['Périgueux', 'Bergerac', 'Sarlat-la-Canéda', 'Nontron', 'Ribérac', 'Terrasson-Lavilledieu'],
  '30': ['Nîmes', 'Alès', 'Uzès', 'Bagnols-sur-Cèze', 'Le Vigan', 'Beaucaire'],
  '31': ['Toulouse', 'Muret', 'Saint-Gaudens', 'Colomiers', 'Blagnac', 'Revel'],
  '32': ['Auch', 'Condom', 'Fleurance', 'Lectoure', 'Mirande', 'Eauze'],
  '33': ['Bordeaux', 'Libourne', 'Arcachon', 'Mérignac', 'Pessac', 'Langon'],
  '34': ['Montpellier', 'Béziers', 'Sète', 'Lodève', 'Lunel', 'Pézenas'],
  '40': ['Mont-de-Marsan', 'Dax', 'Mimizan', 'Aire-sur-l’Adour', 'Saint-Sever'],
  '46': ['Cahors', 'Figeac', 'Gourdon', 'Souillac', 'Saint-Céré'],
  '47': ['Agen', 'Villeneuve-sur-Lot', 'Marmande', 'Nérac', 'Tonneins'],
  '48': ['Mende', 'Marvejols', 'Florac', 'Langogne', 'Saint-Chély-d’Apcher'],
  '64': ['Pau', 'Bayonne', 'Biarritz', 'Oloron-Sainte-Marie', 'Orthez', 'Saint-Jean-de-Luz'],
  '65': ['Tarbes', 'Lourdes', 'Bagnères-de-Bigorre', 'Lannemezan', 'Vic-en-Bigorre'],
  '66': ['Perpignan', 'Céret', 'Prades', 'Argelès-sur-Mer', 'Rivesaltes', 'Font-Romeu-Odeillo-Via'],
  '81': ['Albi', 'Castres', 'Gaillac', 'Mazamet', 'Graulhet', 'Lavaur'],
  '82': ['Montauban', 'Moissac', 'Castelsarrasin', 'Caussade', 'Valence-d’Agen'],
};

const KINDS = ['Atelier', 'Concert', 'Conférence', 'Ciné-débat', 'Balade commentée', 'Marché', 'Forum', 'Exposition', 'Rencontre', 'Portes ouvertes', 'Spectacle', 'Lecture publique', 'Table ronde', 'Visite'];
const SUBJECTS = [
  'autour du compost partagé', 'de musique occitane', 'sur la finance solidaire', 'des producteurs du pays', 'sur l’habitat participatif',
  'de la coopérative viticole', 'sur le réemploi et la réparation', 'des jeunes entrepreneurs', 'autour des semences paysannes',
  'sur la mobilité à vélo', 'des savoir-faire du textile', 'sur l’énergie citoyenne', 'du jardin des Capucins', 'sur les circuits courts',
  'des métiers du bois', 'autour du livre jeunesse', 'sur l’eau et les rivières', 'des artisans d’art',
];
const VENUES = [
  'Salle des fêtes', 'Médiathèque', 'Maison des associations', 'Tiers-lieu La Fabrique', 'Cinéma Le Lux', 'Halle du marché',
  'Jardin partagé', 'Théâtre municipal', 'Café associatif L’Escale', 'Ferme coopérative', 'Foyer rural', 'Espace culturel',
];
const SENTENCES = [
  'Une après-midi d’échanges avec les habitants et les structures du territoire.',
  'Entrée libre, dans la limite des places disponibles.',
  'Les enfants sont les bienvenus : un espace de jeux leur est réservé.',
  'La rencontre se prolonge autour d’un goûter préparé avec des produits locaux.',
  'Des bénévoles présentent leurs projets et répondent à toutes vos questions.',
  'Venez avec vos objets en panne : on les répare ensemble.',
  'Une exposition de photographies accompagne la soirée.',
  'Le débat est animé par une journaliste de la presse locale.',
  'Inscription conseillée auprès de l’accueil de la mairie.',
  'Un covoiturage est organisé depuis la gare.',
  'Les intervenants partagent leur expérience de coopération au quotidien.',
  'Une dégustation clôt la journée, dans la bonne humeur.',
];
// Organisers: kind × name (120 of them), so that no index entry lists thousands of pages.
const ORGANISER_KINDS = ['Association', 'Scop', 'Collectif', 'Coopérative', 'Foyer rural', 'Amicale'];
const ORGANISER_NAMES = [
  'Les Amis du Causse', 'Le Fil d’Ariane', 'Terre Commune', 'Les Deux Rives', 'Saint-Roch', 'La Clède', 'Les Grillons', 'Le Pont Vieux',
  'La Garrigue', 'Les Tisserands', 'L’Olivette', 'Le Moulin', 'Les Cigales', 'La Source', 'Les Semeurs', 'Le Lavoir', 'Les Castors',
  'La Bastide', 'Les Vignerons', 'Le Chêne vert',
];

/** One synthetic event, as content YAML expects it. */
export interface SyntheticEvent {
  id: string;
  title: string;
  organiser?: string;
  start: string;
  end?: string;
  venue: string;
  commune: string;
  departement: string;
  description: string;
  url: string;
  free: boolean;
  price?: string;
}

/** `n` synthetic events from `seed`: the same seed gives the same events. */
export function syntheticEvents(n: number, seed: number): SyntheticEvent[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const codes = Object.keys(DEPARTEMENTS);
  const pad = (x: number) => String(x).padStart(2, '0');
  const events: SyntheticEvent[] = [];
  for (let i = 1; i <= n; i++) {
    const id = `e-${String(i).padStart(5, '0')}`;
    const departement = pick(codes);
    const day = 1 + Math.floor(rnd() * 30);
    const minutes = 9 * 60 + 30 * Math.floor(rnd() * 24); // 9:00 … 20:30
    const date = `2024-11-${pad(day)}`;
    const end = rnd() < 0.6 ? Math.min(minutes + 60 * (1 + Math.floor(rnd() * 3)), 23 * 60 + 30) : undefined;
    let description = '';
    while (description.length < 150) {
      const s = pick(SENTENCES); // each ≤ 110 chars: descriptions of 150–259 chars, no sentence twice
      if (!description.includes(s)) description += (description ? ' ' : '') + s;
    }
    const free = rnd() < 0.6;
    const organiser = rnd() < 0.7 ? `${pick(ORGANISER_KINDS)} ${pick(ORGANISER_NAMES)}` : undefined;
    events.push({
      id,
      title: `${pick(KINDS)} ${pick(SUBJECTS)}`,
      ...(organiser ? { organiser } : {}),
      start: `${date} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`,
      ...(end !== undefined ? { end: `${date} ${pad(Math.floor(end / 60))}:${pad(end % 60)}` } : {}),
      venue: pick(VENUES),
      commune: pick(DEPARTEMENTS[departement]!),
      departement,
      description,
      url: `https://bench.example/e/${id}`,
      free,
      ...(free ? {} : { price: `${pick([3, 5, 8, 10, 12])} €` }),
    });
  }
  return events;
}

/**
 * Writes `n` synthetic events (from `seed`) as a content folder `dir` (replaced): campaign.yaml
 * and one events/<code>.yaml per département.
 */
export async function writeSyntheticContent(dir: string, n: number, seed: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'events'), { recursive: true });
  const campaign = {
    name: 'Fête des communs',
    edition: 1,
    region: 'Sud de la France',
    period: { start: '2024-11-01', end: '2024-11-30' },
    tagline: `Campagne synthétique du banc d’essai d’encre : ${n} événements (graine ${seed})`,
    organiser: { name: 'Banc d’essai encre', website: 'https://bench.example' },
    programmeUrl: 'https://bench.example/programme',
  };
  await writeFile(path.join(dir, 'campaign.yaml'), stringify(campaign, { lineWidth: 0 }));
  const byCode = new Map<string, SyntheticEvent[]>();
  for (const e of syntheticEvents(n, seed)) {
    const list = byCode.get(e.departement) ?? [];
    list.push(e);
    byCode.set(e.departement, list);
  }
  for (const [code, events] of byCode) await writeFile(path.join(dir, 'events', `${code}.yaml`), stringify({ events }, { lineWidth: 0 }));
}
