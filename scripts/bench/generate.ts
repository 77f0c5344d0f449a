/** Builds realistic minutes of about `lines` lines: attendance, many items, round-table bullets. */
export function generateMinutes(lines: number): string {
  const towns = [
    'Essunga',
    'Falköping',
    'Grästorp',
    'Gullspång',
    'Götene',
    'Hjo',
    'Karlsborg',
    'Lidköping',
    'Mariestad',
    'Skara',
    'Skövde',
    'Tibro',
    'Tidaholm',
    'Töreboda',
    'Vara',
  ];
  const people = towns.map((_, i) => `Person${String.fromCharCode(65 + i)} Efternamn${i}`);
  const out: string[] = [
    '# Nätverksmöte',
    'Datum: 2024-04-18',
    'Tid: 09:00-12:00',
    'Plats: Stadshuset, Skövde',
    '',
    'Närvarande:',
  ];
  const roles = [' (ordförande)', ' (sekreterare)', ' (justerare)'];
  people.forEach((p, i) => out.push(`- ${p}, ${towns[i]}${roles[i] ?? ''}`));
  out.push('', 'Frånvarande:', '- Kommunalförbundet', '');
  let n = 1;
  while (out.length < lines - 8) {
    out.push(`§ ${n} Ärende nummer ${n} om skolans digitalisering (Dnr 2024/${n})`);
    out.push(
      'Förvaltningen redovisar läget. Diskussion om *fortsatt arbete* och **budget** för nästa år, se https://example.se/underlag.',
    );
    out.push(
      `- ${towns[n % towns.length]}: Har påbörjat arbetet, 1:1 i årskurs 4-9, och utvärderar iPads i F-3.`,
    );
    out.push(`- ${towns[(n + 3) % towns.length]}: Inväntar beslut i nämnden.`);
    out.push('Beslut: Informationen noteras och läggs till handlingarna.');
    out.push(
      `Åtgärd: Sammanställ underlaget. @${people[n % people.length]}, 2024-05-${String((n % 28) + 1).padStart(2, '0')}`,
    );
    out.push('');
    n++;
  }
  out.push(
    `Ordförande: ${people[0]}`,
    `Sekreterare: ${people[1]}`,
    `Justerare: ${people[2]}`,
    'Justerat: 2024-04-25',
    'Anslaget: 2024-04-26',
    '',
  );
  return out.join('\n');
}
