import * as assert from 'node:assert/strict';
import type { ProtokollConfig } from '../../../server/src/language';
import { applyEdits, codes, covered, diagnose, only } from './helpers';

/** A small, clean kommunal meeting; tests change one line at a time. */
export const KS = `# Kommunstyrelsen
Organ: Kommunstyrelsen
Datum: 2024-03-05
Plats: Kommunhuset

Beslutande:
- Anna Ek (S), ordförande
- Per Ek (M)
- Maja Dahl (S)
- Leif Blom (C)

Tjänstgörande ersättare:
- Lisa Berg (M), ersätter Johan Lind (M)

Ersättare:
- Eva Strand (S)

Övriga närvarande:
- Karin Lund, kommunsekreterare

Frånvarande:
- Johan Lind (M)

Utses att justera: Per Ek (M), Leif Blom (C)
Justeringens plats och tid: Kommunhuset, 2024-03-12 kl. 15.00
Paragrafer: 1–3

§ 1 Val av justerare
Till justerare utses Per Ek (M) och Leif Blom (C).

§ 2 Budget
Yrkanden:
- Anna Ek (S): bifall.
- Per Ek (M): avslag.
Omröstning:
Ja: Anna Ek (S), Maja Dahl (S), Leif Blom (C)
Nej: Per Ek (M), Lisa Berg (M)
Beslut: Budgeten fastställs.
Reservation: Per Ek (M) reserverar sig.

§ 3 Markfrågor
Jäv: Maja Dahl (S) anmäler jäv.
Omröstning:
Ja: 3
Nej: 1
Beslut: Avtalet godkänns.
Justeras omedelbart.

Sekreterare: Karin Lund
Ordförande: Anna Ek
Justerande: Per Ek och Leif Blom
Justerat: 2024-03-12
Anslaget: 2024-03-13
`;

const KOMMUNAL: Partial<ProtokollConfig> = {
  kind: 'kommunal',
  seats: 7,
  signatureCounts: { adjuster: 2 },
};

/** The 0-based line of the `nth` line that starts with `start`. */
function lineOf(text: string, start: string, nth = 1): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) if (lines[i].startsWith(start) && ++seen === nth) return i;
  throw new Error(`no line ${start}`);
}

function edit(from: string, to: string): string {
  assert.ok(KS.includes(from), from);
  return KS.replace(from, to);
}

describe('municipal checks (kind kommunal)', () => {
  it('finds nothing in the clean meeting, in either language', () => {
    assert.deepEqual(codes(KS, KOMMUNAL), []);
    assert.deepEqual(codes(KS, { ...KOMMUNAL, locale: 'en' }), []);
  });

  it('runs none of the law checks for a network (v1 default)', () => {
    const text = edit('Ja: 3', 'Ja: 9').replace('Paragrafer: 1–3', 'Paragrafer: 1–9');
    assert.deepEqual(codes(text, { seats: 20 }), []);
  });

  describe('attendance/unknown-party', () => {
    it('reports unknown letters on the letters, in every kind, with a fix for the wrong case', () => {
      const text = edit('- Leif Blom (C)\n', '- Leif Blom (FP)\n');
      for (const kind of ['kommunal', 'förening', 'nätverk'] as const) {
        const [d] = only(text, 'attendance/unknown-party', { ...KOMMUNAL, kind });
        assert.equal(covered(text, d), 'FP');
        assert.equal(d.severity, 2); // warning
      }
      const kd = edit('- Maja Dahl (S)\n', '- Maja Dahl (Kd)\n');
      const [d] = only(kd, 'attendance/unknown-party', KOMMUNAL);
      assert.equal(applyEdits(kd, d.fixes![0].edits).includes('- Maja Dahl (KD)'), true);
    });

    it('accepts configured parties as strings or objects', () => {
      const text = edit('- Leif Blom (C)\n', '- Leif Blom (SoL)\n').replace(/\(C\)/g, '(SoL)');
      assert.equal(only(text, 'attendance/unknown-party', KOMMUNAL).length, 4);
      assert.deepEqual(
        only(text, 'attendance/unknown-party', { ...KOMMUNAL, parties: [{ short: 'SoL' }] }),
        [],
      );
    });
  });

  describe('attendance/substitute-*', () => {
    it('reports a substitute for a member listed as present, on the replaced name', () => {
      const text = edit('ersätter Johan Lind (M)', 'ersätter Per Ek (M)');
      const [d] = only(text, 'attendance/substitute-for-present', KOMMUNAL);
      assert.equal(covered(text, d), 'Per Ek');
      assert.equal(d.severity, 1); // error
      assert.match(d.message, /flytta Per Ek till Frånvarande/);
    });

    it('accepts a substitute for some items while the member attends the others', () => {
      const text = edit('ersätter Johan Lind (M)', 'ersätter Per Ek (M), § 3')
        .replace('- Johan Lind (M)', '- Olle Ahl (M)')
        .replace('Ja: 3', 'Ja: 2');
      assert.deepEqual(only(text, 'attendance/substitute-for-present', KOMMUNAL), []);
    });

    it('warns, on the party letters, when the absent member replaced is of another party', () => {
      const text = edit('ersätter Johan Lind (M)', 'ersätter Johan Lind (S)');
      const [d] = only(text, 'attendance/substitute-party', KOMMUNAL);
      assert.equal(covered(text, d), 'M');
      assert.equal(d.severity, 2); // warning
      assert.deepEqual(only(text, 'attendance/substitute-for-present', KOMMUNAL), []);
    });

    it("takes the replaced member's party from the Frånvarande list when not written", () => {
      const text = edit('ersätter Johan Lind (M)', 'ersätter Johan Lind').replace(
        '- Johan Lind (M)',
        '- Johan Lind (V)',
      );
      assert.equal(only(text, 'attendance/substitute-party', KOMMUNAL).length, 1);
    });
  });

  describe('quorum/not-met', () => {
    it('reports on the Beslutande heading when at most half the seats take part', () => {
      // 5 voting members present of 10 seats: exactly half is not a quorum.
      const [d] = only(KS, 'quorum/not-met', { ...KOMMUNAL, seats: 10 });
      assert.equal(covered(KS, d), 'Beslutande:');
      assert.match(d.message, /5 av 10/);
    });

    it('accepts more than half, and counts a member with jäv as present', () => {
      assert.deepEqual(only(KS, 'quorum/not-met', { ...KOMMUNAL, seats: 9 }), []);
      const text = edit('Jäv: Maja Dahl (S)', 'Jäv: Maja Dahl (S) och Anna Ek (S)').replace(
        'Ja: 3',
        'Ja: 2',
      );
      assert.deepEqual(only(text, 'quorum/not-met', { ...KOMMUNAL, seats: 9 }), []);
    });

    it('is silent without seats', () => {
      assert.deepEqual(only(KS, 'quorum/not-met', { ...KOMMUNAL, seats: undefined }), []);
    });
  });

  describe('vote/count', () => {
    it('reports counts above the voters of the item on the Omröstning line', () => {
      const text = edit('Ja: 3', 'Ja: 4');
      const [d] = only(text, 'vote/count', KOMMUNAL);
      assert.equal(covered(text, d), 'Omröstning:');
      assert.equal(d.range.start.line, lineOf(text, 'Omröstning:', 2));
      assert.match(d.message, /5 röster.*bara 4 ledamöter/);
    });

    it('accepts counts that match the voting members exactly (jäv in that item only)', () => {
      // § 3: five voting members minus Maja Dahl with jäv = 4 = 3 + 1.
      assert.deepEqual(only(KS, 'vote/count', KOMMUNAL), []);
      // § 2: all five vote; Maja Dahl's jäv in § 3 does not reach § 2.
      assert.match(KS, /Ja: Anna Ek \(S\), Maja Dahl \(S\), Leif Blom \(C\)/);
    });

    it('names the first eight voters a roll call leaves out and counts the rest (a council)', () => {
      const members = Array.from({ length: 20 }, (_, i) => `- Ledamot Nummer${i + 1} (S)`);
      const text = edit('- Leif Blom (C)', `- Leif Blom (C)\n${members.join('\n')}`);
      const [d] = only(text, 'vote/count', KOMMUNAL);
      assert.match(
        d.message,
        /deltar i beslutet: Ledamot Nummer1, .*, Ledamot Nummer8 och 12 till saknas\./,
      );
      assert.ok(!d.message.includes('Nummer9'), d.message);
    });

    it('reports a roll call that leaves a voter out, naming them', () => {
      const text = edit('Nej: Per Ek (M), Lisa Berg (M)', 'Nej: Per Ek (M)');
      const [d] = only(text, 'vote/count', { ...KOMMUNAL, locale: 'en' });
      assert.match(d.message, /Lisa Berg is missing/);
    });
  });

  describe('vote/twice', () => {
    it('reports the second occurrence of a name', () => {
      const text = edit(
        'Nej: Per Ek (M), Lisa Berg (M)',
        'Nej: Per Ek (M), Lisa Berg (M)\nAvstår: Per Ek (M)',
      );
      const [d] = only(text, 'vote/twice', KOMMUNAL);
      assert.equal(d.range.start.line, lineOf(text, 'Avstår: Per Ek'));
      assert.equal(covered(text, d), 'Per Ek');
    });
  });

  describe('vote/not-voting-member', () => {
    it('reports a non-voting substitute in a roll call and a reservation', () => {
      const text = edit(
        'Nej: Per Ek (M), Lisa Berg (M)',
        'Nej: Per Ek (M), Eva Strand (S)',
      ).replace('Reservation: Per Ek (M)', 'Reservation: Per Ek (M) och Karin Lund');
      const found = only(text, 'vote/not-voting-member', KOMMUNAL);
      assert.deepEqual(
        found.map((d) => covered(text, d)),
        ['Eva Strand', 'Karin Lund'],
      );
      assert.match(found[0].message, /Ersättare/);
    });

    it('reports a yrkande by someone not present, and accepts one by a non-voting person present', () => {
      const text = edit('- Per Ek (M): avslag.', '- Johan Lind (M): avslag.');
      const [d] = only(text, 'vote/not-voting-member', KOMMUNAL);
      assert.equal(covered(text, d), 'Johan Lind');
      assert.match(d.message, /frånvarande/);
      const ok = edit('- Per Ek (M): avslag.', '- Eva Strand (S): avslag.');
      assert.deepEqual(only(ok, 'vote/not-voting-member', KOMMUNAL), []);
    });
  });

  describe('jav/took-part', () => {
    it('reports a member with jäv who votes, moves or reserves in that item only', () => {
      const text = KS.replace(
        'Jäv: Maja Dahl (S) anmäler jäv.',
        'Jäv: Maja Dahl (S) anmäler jäv.\nYrkanden: Maja Dahl (S) yrkar bifall.\nReservation: Maja Dahl (S) reserverar sig.',
      );
      const found = only(text, 'jav/took-part', KOMMUNAL);
      assert.equal(found.length, 2);
      assert.ok(found.every((d) => covered(text, d) === 'Maja Dahl'));
      // Not also vote/not-voting-member.
      assert.deepEqual(only(text, 'vote/not-voting-member', KOMMUNAL), []);
      // Jäv in § 3 does not stop her voting in § 2.
      assert.deepEqual(only(KS, 'jav/took-part', KOMMUNAL), []);
    });
  });

  describe('reservation/for-decision', () => {
    it('warns when a member reserves against the side they voted for', () => {
      const text = edit('Reservation: Per Ek (M)', 'Reservation: Leif Blom (C)');
      const [d] = only(text, 'reservation/for-decision', KOMMUNAL);
      assert.equal(covered(text, d), 'Leif Blom');
      assert.equal(d.severity, 2); // warning
      assert.deepEqual(only(KS, 'reservation/for-decision', KOMMUNAL), []);
    });
  });

  describe('signature/paragraphs', () => {
    it('reports Paragrafer that do not match the items, on the value, with a fix', () => {
      const text = edit('Paragrafer: 1–3', 'Paragrafer: 1–4');
      const [d] = only(text, 'signature/paragraphs', KOMMUNAL);
      assert.equal(covered(text, d), '1–4');
      assert.match(applyEdits(text, d.fixes![0].edits), /Paragrafer: 1–3/);
    });

    it('accepts Paragrafer in the signature block, written with a hyphen or as a list', () => {
      const moved = edit('Paragrafer: 1–3\n', '').replace(
        'Justerat:',
        'Paragrafer: 1-3\nJusterat:',
      );
      assert.deepEqual(codes(moved, KOMMUNAL), []);
      assert.deepEqual(codes(edit('Paragrafer: 1–3', 'Paragrafer: 1, 2 och 3'), KOMMUNAL), []);
    });
  });

  describe('signatures with counts and Utses att justera', () => {
    it('reports one adjuster signing when two are required, with the elected one in the fix', () => {
      const text = edit('Justerande: Per Ek och Leif Blom', 'Justerande: Per Ek');
      const [d] = only(text, 'signature/missing', KOMMUNAL);
      assert.match(d.message, /2 justerare ska skriva under, men bara 1/);
      assert.match(applyEdits(text, d.fixes![0].edits), /Justerande: Per Ek, Leif Blom/);
      // Two elected, one signing: also signature/mismatch, as in v1.
      assert.equal(only(text, 'signature/mismatch', KOMMUNAL).length, 1);
    });

    it('accepts the adjusters on several lines of the same role', () => {
      const text = edit(
        'Justerande: Per Ek och Leif Blom',
        'Justerande: Per Ek\nJusterare: Leif Blom (C)',
      );
      assert.deepEqual(codes(text, KOMMUNAL), []);
    });

    it('names every elected and signing person in English', () => {
      const text = edit('Justerande: Per Ek och Leif Blom', 'Justerande: Leif Blom och Maja Dahl');
      const [d] = only(text, 'signature/mismatch', { ...KOMMUNAL, locale: 'en' });
      assert.match(
        d.message,
        /^Per Ek and Leif Blom were elected adjusters in § 1, but Leif Blom and Maja Dahl sign as adjusters\./,
      );
    });

    it('takes Utses att justera as the election when no item elects', () => {
      const text = edit('Till justerare utses Per Ek (M) och Leif Blom (C).', 'Godkänns.')
        .replace('§ 1 Val av justerare', '§ 1 Upprop')
        .replace('Justerande: Per Ek och Leif Blom', 'Justerande: Per Ek och Maja Dahl');
      const [d] = only(text, 'signature/mismatch', KOMMUNAL);
      assert.match(d.message, /valdes till justerare under Utses att justera/);
    });
  });

  describe('deadline/adjustment with Justeringens plats och tid', () => {
    it('reports a planned adjustment more than 14 days after the meeting, on its date', () => {
      const text = edit('Kommunhuset, 2024-03-12 kl. 15.00', 'Kommunhuset, 2024-03-20 kl. 15.00');
      const [d] = only(text, 'deadline/adjustment', KOMMUNAL);
      assert.equal(covered(text, d), '2024-03-20');
      assert.match(d.message, /senast 2024-03-19/);
    });

    it('moves the last day past a weekend or holiday (Lag (1930:173))', () => {
      // 2024-03-23 + 14 = Saturday 2024-04-06: the last day is Monday 2024-04-08.
      const meeting = edit('Datum: 2024-03-05', 'Datum: 2024-03-23')
        .replace('2024-03-12 kl. 15.00', '2024-04-08 kl. 15.00')
        .replace('Justerat: 2024-03-12', 'Justerat: 2024-04-08')
        .replace('Anslaget: 2024-03-13', 'Anslaget: 2024-04-09');
      assert.deepEqual(only(meeting, 'deadline/adjustment', KOMMUNAL), []);
      const late = meeting
        .replace('Justerat: 2024-04-08', 'Justerat: 2024-04-09')
        .replace('Anslaget: 2024-04-09', 'Anslaget: 2024-04-10');
      assert.equal(only(late, 'deadline/adjustment', KOMMUNAL).length, 1);
    });

    it('accepts adjusting on a Friday and posting on the Monday after', () => {
      const text = edit('Justerat: 2024-03-12', 'Justerat: 2024-03-15')
        .replace('Anslaget: 2024-03-13', 'Anslaget: 2024-03-18')
        .replace('2024-03-12 kl.', '2024-03-15 kl.');
      assert.deepEqual(only(text, 'deadline/posting', KOMMUNAL), []);
      const tuesday = text.replace('Anslaget: 2024-03-18', 'Anslaget: 2024-03-19');
      assert.equal(only(tuesday, 'deadline/posting', KOMMUNAL).length, 1);
    });

    it('is not checked for an association', () => {
      const text = edit('Justerat: 2024-03-12', 'Justerat: 2024-04-30');
      assert.equal(only(text, 'deadline/adjustment', KOMMUNAL).length, 1);
      assert.deepEqual(only(text, 'deadline/adjustment', { ...KOMMUNAL, kind: 'förening' }), []);
    });
  });

  it('accounts for configured member persons, and never takes one listed absent for a town', () => {
    const members = [
      { name: 'Anna Ek', party: 'S' },
      { name: 'Johan Lind', party: 'M' },
      { name: 'Sara Nyström', party: 'V' },
    ];
    const [d] = only(KS, 'attendance/unaccounted', { ...KOMMUNAL, memberPersons: members });
    assert.match(d.message, /Sara Nyström \(V\) är ledamot/);
    const fixed = applyEdits(KS, d.fixes![0].edits);
    assert.match(fixed, /- Johan Lind \(M\)\n- Sara Nyström \(V\)/);
    assert.deepEqual(codes(fixed, { ...KOMMUNAL, memberPersons: members }), []);
    const alone = fixed.replace('- Sara Nyström (V)', '- Sara Nyström');
    assert.deepEqual(codes(alone, { ...KOMMUNAL, memberPersons: members }), []);
  });

  it('gives every new diagnostic a Swedish and an English message', () => {
    const text = edit('Ja: 3', 'Ja: 9').replace('- Leif Blom (C)\n', '- Leif Blom (FP)\n');
    const sv = diagnose(text, KOMMUNAL);
    const en = diagnose(text, { ...KOMMUNAL, locale: 'en' });
    assert.deepEqual(
      sv.map((d) => d.code),
      en.map((d) => d.code),
    );
    for (let i = 0; i < sv.length; i++) assert.notEqual(sv[i].message, en[i].message);
  });
});
