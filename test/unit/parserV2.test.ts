import * as assert from 'node:assert/strict';
import { readConfig } from '../../server/src/language';
import { buildModel } from '../../server/src/language/model';
import { buildAst } from '../../server/src/language/syntax/build';
import { CLEAN, codes, covered, only } from './checks/helpers';

const HEAD = '# Kommunstyrelsen\nDatum: 2024-03-05\n';

function model(text: string) {
  return buildModel(buildAst(text));
}

describe('parser v2: municipal line shapes', () => {
  it('reads persons with party, role after a comma or in parentheses, in every list (sv)', () => {
    const m = model(
      HEAD +
        'Beslutande:\n- Anna Ek (S), ordförande\n- Per Ek (M) (1:e vice ordförande)\n- Eva Lind (KD), 2:e vice ordförande\n' +
        'Tjänstgörande ersättare:\n- Lisa Berg (M), ersätter Johan Lind (M), § 26–30\n' +
        'Ersättare:\n- Eva Strand (S)\n' +
        'Övriga närvarande:\n- Karin Lund, kommunsekreterare\n- Olle Nord, ekonomichef, § 26, 28\n' +
        'Frånvarande:\n- Johan Lind (M)\n- Hjo\n',
    );
    assert.deepEqual(m.ast.problems, []);
    assert.deepEqual(
      m.people.map((p) => [
        p.name.text,
        p.group,
        p.party?.text,
        p.role,
        p.function?.text,
        p.replaces?.name.text,
        p.paragraphs?.ranges,
      ]),
      [
        ['Anna Ek', 'voting', 'S', 'chair', undefined, undefined, undefined],
        ['Per Ek', 'voting', 'M', 'viceChair', undefined, undefined, undefined],
        ['Eva Lind', 'voting', 'KD', 'secondViceChair', undefined, undefined, undefined],
        ['Lisa Berg', 'serving', 'M', undefined, undefined, 'Johan Lind', [[26, 30]]],
        ['Eva Strand', 'substitutes', 'S', undefined, undefined, undefined, undefined],
        ['Karin Lund', 'others', undefined, undefined, 'kommunsekreterare', undefined, undefined],
        [
          'Olle Nord',
          'others',
          undefined,
          undefined,
          'ekonomichef',
          undefined,
          [
            [26, 26],
            [28, 28],
          ],
        ],
        ['Johan Lind', 'absent', 'M', undefined, undefined, undefined, undefined],
      ],
    );
    assert.deepEqual(
      m.organisations.map((o) => o.span.text),
      ['Hjo'],
    );
    assert.equal(m.votingMembers.length, 4);
  });

  it('reads the same lists with English keywords', () => {
    const m = model(
      '# Board\nDate: 2024-03-05\nVoting members:\n- Anna Ek (S), chair\nServing substitutes:\n- Lisa Berg (M), replaces Johan Lind (M)\nSubstitutes:\n- Eva Strand (S)\nOthers present:\n- Karin Lund, clerk\nAbsent:\n- Johan Lind (M)\n',
    );
    assert.deepEqual(m.ast.problems, []);
    assert.deepEqual(
      m.people.map((p) => p.group),
      ['voting', 'serving', 'substitutes', 'others', 'absent'],
    );
    assert.equal(m.people[1].replaces?.name.text, 'Johan Lind');
    assert.equal(m.ast.sections[0].kind, 'present');
    assert.equal(
      model(HEAD + 'Ledamöter:\n- Anna Ek (S)\nÖvriga deltagande:\n- Bo Ek, controller\n').people[1]
        .group,
      'others',
    );
  });

  it('reads the v2 header fields, sv and en', () => {
    for (const [organ, appointed, place, paragraphs] of [
      ['Organ', 'Utses att justera', 'Justeringens plats och tid', 'Paragrafer'],
      ['Body', 'Appointed to adjust', 'Adjustment place and time', 'Paragraphs'],
    ]) {
      const m = model(
        `${HEAD}${organ}: Kommunstyrelsen\n${appointed}: Anna Ek (S), Per Ek (M)\n${place}: Kommunhuset, 2024-03-12 kl. 15.00\n${paragraphs}: 26–38\n`,
      );
      assert.deepEqual(m.ast.problems, []);
      assert.equal(m.body?.text, 'Kommunstyrelsen');
      assert.deepEqual(
        m.appointedAdjusters?.persons?.map((p) => [p.name.text, p.party?.text]),
        [
          ['Anna Ek', 'S'],
          ['Per Ek', 'M'],
        ],
      );
      assert.equal(m.adjustmentPlace?.date?.text, '2024-03-12');
      assert.deepEqual(m.paragraphs?.paragraphs?.ranges, [[26, 38]]);
    }
  });

  it('reads KS § 45 as § 45 and gives § 45/2024 a clear message instead of a title', () => {
    const ast = buildAst(HEAD + 'KS § 45 Budget\n');
    assert.equal(ast.items[0].prefix?.text, 'KS');
    assert.equal(ast.items[0].value, 45);
    assert.equal(ast.items[0].title?.text, 'Budget');
    const text = CLEAN.replace('§ 2 Budget', '§ 2/2024 Budget');
    const [d] = only(text, 'syntax');
    assert.match(d.message, /"§ 2\/2024" är inget paragrafnummer/);
    assert.equal(covered(text, d), '§ 2/2024');
    assert.equal(buildAst(text).items[1].title?.text, 'Budget');
  });

  it('reads the item body labels, vote tallies, immediate adjustment and body elections (sv)', () => {
    const m = model(
      HEAD +
        'Beslutande:\n- Anna Ek (S)\n- Per Ek (M)\n- Eva Lind (KD)\n' +
        '§ 1 Val av justerare\nTill justerare utses Per Ek (M) och Eva Lind (KD).\n' +
        '§ 2 Budget (Dnr 2024/1)\nBeslutsunderlag:\n- Tjänsteskrivelse\n- Bilaga A\n\nFörslag till beslut: Godkänn.\n' +
        'Yrkanden:\n- Anna Ek (S): bifall.\n- Per Ek (M): avslag.\nPropositionsordning: Bifall mot avslag.\n' +
        'Omröstning:\nJa för bifall, nej för avslag.\n- Ja: Anna Ek (S), Eva Lind (KD)\n- Nej: Per Ek (M)\nAvstår: 0\n' +
        'Beslut: Godkänns.\nReservation: Per Ek (M) reserverar sig.\nJäv: Eva Lind (KD) anmäler jäv.\n' +
        'Protokollsanteckning: Anna Ek (S) antecknar.\nBeslutet skickas till:\n- Ekonomi\nExpedieras till: Revisionen\nBilaga: Bilaga 1\n' +
        'Paragrafen justeras omedelbart.\n',
    );
    assert.deepEqual(m.ast.problems, []);
    assert.deepEqual(
      m.elections.map((e) => [e.role, e.source, e.names.map((n) => n.text)]),
      [['adjuster', 'body', ['Per Ek', 'Eva Lind']]],
    );
    const item = m.items[1];
    assert.deepEqual(
      item.basis.map((s) => s.text),
      ['Tjänsteskrivelse', 'Bilaga A'],
    );
    assert.equal(item.proposal?.text, 'Godkänn.');
    assert.deepEqual(
      item.motions.map((x) => x.person.name.text),
      ['Anna Ek', 'Per Ek'],
    );
    assert.equal(item.order?.text, 'Bifall mot avslag.');
    assert.equal(item.votes.length, 1);
    assert.deepEqual(item.votes[0].counts, { yes: 2, no: 1, abstain: 0 });
    assert.equal(item.votes[0].meaning?.text, 'Ja för bifall, nej för avslag.');
    assert.equal(item.votes[0].rollCall, true);
    assert.deepEqual(
      item.reservations.map((x) => x.person.name.text),
      ['Per Ek'],
    );
    assert.deepEqual(
      item.jav.map((x) => x.person.name.text),
      ['Eva Lind'],
    );
    assert.equal(item.notes.length, 1);
    assert.deepEqual(
      item.sendTo.map((s) => s.text),
      ['Ekonomi', 'Revisionen'],
    );
    assert.deepEqual(
      item.attachments.map((s) => s.text),
      ['Bilaga 1'],
    );
    assert.ok(item.immediate);
    // Eva Lind has jäv in § 2: not a voter there, a voter in § 1.
    assert.deepEqual(
      m.votersIn(item).map((p) => p.name.text),
      ['Anna Ek', 'Per Ek'],
    );
    assert.equal(m.votersIn(m.items[0]).length, 3);
  });

  it('reads the item body labels in English', () => {
    const m = model(
      '# Board\nDate: 2024-03-05\n§ 1 Budget\nBasis for decision:\n- Memo\nProposed decision: Approve.\nMotions: Anna Ek (S) moves approval.\nOrder of proposals: Approval first.\nVote:\nYes: 7\nNo: 4\nAbstain: 2\nDissent: Per Ek (M) dissents.\nConflict of interest: Eva Lind (KD) takes no part.\nNote for the minutes: Anna Ek (S) notes.\nDecision sent to:\n- Finance\nAttachments:\n- Annex 1\nAdjusted immediately.\n',
    );
    assert.deepEqual(m.ast.problems, []);
    const item = m.items[0];
    assert.deepEqual(item.votes[0].counts, { yes: 7, no: 4, abstain: 2 });
    assert.equal(item.motions[0].person.name.text, 'Anna Ek');
    assert.equal(item.reservations[0].person.name.text, 'Per Ek');
    assert.equal(item.jav[0].person.name.text, 'Eva Lind');
    assert.deepEqual([item.basis.length, item.sendTo.length, item.attachments.length], [1, 1, 1]);
    assert.ok(item.immediate);
  });

  it('reports a vote tally that is neither a count nor names', () => {
    const [d] = only(HEAD + '§ 1 A\nOmröstning:\nJa: de flesta\n', 'syntax');
    assert.match(d.message, /Ja: 7.*Anna Ek/);
  });

  it('names an unexpected no-break or thin space in an attendance line by its code point', () => {
    const [nbsp] = only(HEAD + 'Beslutande:\n- Anna Ek (S)\u00a0, ordförande\n', 'syntax');
    assert.match(nbsp.message, /^Oväntat tecken U\+00A0 .*vanligt mellanslag/);
    assert.deepEqual([nbsp.range.start.character, nbsp.range.end.character], [13, 14]);
    const [thin] = only(HEAD + 'Beslutande:\n- Anna Ek (S)\u2009(ordförande)\n', 'syntax');
    assert.match(thin.message, /U\+2009/);
  });

  it('reads signature synonyms and several names per role, with party letters', () => {
    const ast = buildAst(
      HEAD +
        '§ 1 A\nText.\n\nProtokollförare: Karin Lund\nOrdförande: Anna Ek (S)\nJusterande: Leif Blom (C) och Marie Ek (KD), Per Berg\nJusterare: Eva Lind\n',
    );
    assert.deepEqual(ast.problems, []);
    assert.deepEqual(
      ast.signatures.map((s) => [s.kind, s.names.map((n) => n.text)]),
      [
        ['secretary', ['Karin Lund']],
        ['chair', ['Anna Ek']],
        ['adjuster', ['Leif Blom', 'Marie Ek', 'Per Berg']],
        ['adjuster', ['Eva Lind']],
      ],
    );
    assert.equal(ast.signatures[1].persons[0].party?.text, 'S');
  });

  it('accepts Protokollförare: and Justerande: in a v1 document', () => {
    const text = CLEAN.replace('Sekreterare: Per Berg', 'Protokollförare: Per Berg').replace(
      'Justerare: Eva Lind',
      'Justerande: Eva Lind',
    );
    assert.deepEqual(codes(text), []);
  });

  it('keeps the signatures when a § is typed after them', () => {
    const text = CLEAN + '§ ';
    assert.deepEqual(codes(text).sort(), ['numbering/empty-title', 'syntax']);
    assert.equal(buildAst(text).signatures.length, 5);
    const withTitle = CLEAN + '§ 4 Övrigt\n';
    assert.deepEqual(codes(withTitle), []);
  });
});

describe('false positives found on real minutes', () => {
  it('does not take vote tallies for organisations', () => {
    const text = CLEAN.replace(
      'Beslut: Budgeten godkänns.',
      '- Ja: 2\n- Nej: 1\n- Avstår: 0\nBeslut: Budgeten godkänns.',
    );
    assert.deepEqual(codes(text), []);
  });

  it("does not take an attendee's first name in a round-table bullet for an organisation", () => {
    const text = CLEAN.replace(
      'Beslut: Budgeten godkänns.',
      '- Eva: budgeten ser bra ut.\n- Per Berg: inga frågor.\nBeslut: Budgeten godkänns.',
    );
    assert.deepEqual(codes(text), []);
    // A misspelt municipality is still caught.
    assert.deepEqual(codes(text.replace('- Eva:', '- Skövdee:')), ['municipality/unknown']);
  });

  it('knows the regions by their official names', () => {
    for (const region of [
      'Region Skåne',
      'Västra Götalandsregionen',
      'Region Jämtland Härjedalen',
      'Region Gotland',
    ]) {
      assert.deepEqual(codes(CLEAN.replace('- Karlsborg', `- ${region}`)), [], region);
    }
  });

  it('never reports a function after a comma as a municipality', () => {
    const text = CLEAN.replace(
      '- Eva Lund, Tibro (justerare)',
      '- Eva Lund, Tibro (justerare)\n- Karin Lund, kommunsekreterare',
    );
    assert.deepEqual(codes(text), []);
  });

  it('suggests municipalities by the completion ranking (diacritics folded)', () => {
    const [d] = only(CLEAN.replace('- Karlsborg', '- Gotene'), 'municipality/unknown');
    assert.deepEqual(
      d.fixes!.map((f) => f.edits[0].newText),
      ['Götene'],
    );
    const [prefix] = only(CLEAN.replace('- Karlsborg', '- Tibr'), 'municipality/unknown');
    assert.equal(prefix.fixes![0].edits[0].newText, 'Tibro');
  });

  it('tells that 2025-02-29 is not a real date', () => {
    const [d] = only(
      CLEAN.replace('Datum: 2024-04-18', 'Datum: 2025-02-29'),
      'header/invalid-date',
      {
        locale: 'en',
      },
    );
    assert.match(d.message, /^2025-02-29 is not a real date: that month has only 28 days/);
  });

  it('says a next meeting on the same day is on the same day', () => {
    const [d] = only(CLEAN.replace('2024-06-01, Hjo', '2024-04-18, Hjo'), 'date/next-meeting');
    assert.match(d.message, /samma dag/);
  });

  it('reports § 47 b directly after § 47 as a gap', () => {
    const text = CLEAN.replace('§ 3 Nästa', '§ 2 b Nästa');
    const [d] = only(text, 'numbering/gap');
    assert.match(d.message, /§ 2 a saknas/);
  });

  it('does not take an association officer elected for a term for the meeting chair', () => {
    const text = CLEAN.replace(
      '§ 2 Budget',
      '§ 2 Val av föreningens ordförande för ett år\nBritt Andersson\n\n§ 3 Budget',
    ).replace('§ 3 Nästa', '§ 4 Nästa');
    assert.deepEqual(codes(text), []);
    const meeting = text.replace(
      'Val av föreningens ordförande för ett år',
      'Val av mötesordförande',
    );
    assert.deepEqual(codes(meeting), ['signature/mismatch']);
  });
});

describe('configuration v2', () => {
  it('reads kind, parties, seats, signature counts and members as persons', () => {
    const { config, problems } = readConfig({
      kind: 'kommunal',
      parties: ['SoL', { short: 'KV', name: 'Kommunens väl' }],
      seats: 11,
      requiredSignatures: ['Ordförande', 'Sekreterare', { role: 'Justerare', count: 2 }],
      members: ['Hjo', { name: 'Anna Ek', party: 'S', role: 'ordförande' }],
    });
    assert.deepEqual(problems, []);
    assert.equal(config.kind, 'kommunal');
    assert.deepEqual(config.parties, [
      { short: 'SoL', name: undefined },
      { short: 'KV', name: 'Kommunens väl' },
    ]);
    assert.equal(config.seats, 11);
    assert.deepEqual(config.requiredSignatures, ['Ordförande', 'Sekreterare', 'Justerare']);
    assert.deepEqual(config.signatureCounts, { adjuster: 2 });
    assert.deepEqual(config.members, ['Hjo']);
    assert.deepEqual(config.memberPersons, [{ name: 'Anna Ek', party: 'S', role: 'ordförande' }]);
  });

  it('reports a role listed twice, a bad kind, seats, party and member, in sv and en', () => {
    const { problems } = readConfig({
      kind: 'kommun',
      parties: ['sol'],
      seats: 0,
      requiredSignatures: ['Justerare', { role: 'Adjuster', count: 2 }],
      members: [{ name: 'Anna Ek', parti: 'S' }],
    });
    const at = (path: string) => problems.find((p) => p.path.join('.') === path)!.message;
    assert.match(at('kind').sv, /"kommun" är ingen sorts organ; använd "kommunal"/);
    assert.match(at('kind').en, /use "kommunal"/);
    assert.match(at('parties.0').en, /must be party letters/);
    assert.match(at('seats').sv, /antalet ledamöter/);
    assert.match(
      at('requiredSignatures.1').sv,
      /står redan på plats 1; skriv den en gång, med antal/,
    );
    assert.match(at('requiredSignatures.1').en, /already listed at position 1/);
    assert.match(at('members.0').en, /or a person \{"name": "Anna Ek"/);
  });
});
