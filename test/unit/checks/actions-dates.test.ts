import * as assert from 'node:assert/strict';
import { CLEAN, covered, only } from './helpers';

describe('action checks', () => {
  it('reports an action without owner', () => {
    assert.equal(
      only(CLEAN.replace(' @Per Berg, 2024-05-01', ''), 'action/missing-owner').length,
      1,
    );
  });

  it('reports an owner who is not present, on the name', () => {
    const text = CLEAN.replace('@Per Berg', '@Olle Ek');
    const [d] = only(text, 'action/unknown-owner');
    assert.equal(covered(text, d), 'Olle Ek');
  });

  it('accepts a first name only one attendee has', () => {
    assert.equal(only(CLEAN.replace('@Per Berg', '@Per'), 'action/unknown-owner').length, 0);
  });

  it('rejects a first name two attendees share', () => {
    const text = CLEAN.replace(
      '- Eva Lund, Tibro (justerare)',
      '- Eva Lund, Tibro (justerare)\n- Per Ahl, Vara',
    ).replace('@Per Berg', '@Per');
    const [d] = only(text, 'action/unknown-owner');
    assert.match(d.message, /Per Berg, Per Ahl/);
  });
});

describe('date checks', () => {
  it('reports a next meeting that is not after the meeting', () => {
    assert.equal(
      only(CLEAN.replace('2024-06-01, Hjo', '2024-04-18, Hjo'), 'date/next-meeting').length,
      1,
    );
  });

  it('reports adjustment later than 14 days after the meeting, and before it', () => {
    assert.equal(
      only(
        CLEAN.replace('Justerat: 2024-04-25', 'Justerat: 2024-05-03').replace(
          'Anslaget: 2024-04-26',
          'Anslaget: 2024-05-03',
        ),
        'deadline/adjustment',
      ).length,
      1,
    );
    assert.equal(
      only(
        CLEAN.replace('Justerat: 2024-04-25', 'Justerat: 2024-05-02').replace(
          'Anslaget: 2024-04-26',
          'Anslaget: 2024-05-02',
        ),
        'deadline/adjustment',
      ).length,
      0,
    );
    assert.equal(
      only(CLEAN.replace('Justerat: 2024-04-25', 'Justerat: 2024-04-17'), 'deadline/adjustment')
        .length,
      1,
    );
  });

  it('reports posting later than the second day after adjustment, and before it', () => {
    // Adjusted Thursday 2024-04-25: the second day after is Saturday, so under Lag (1930:173)
    // the last day is Monday 2024-04-29 (issue 7); Tuesday is late.
    assert.equal(
      only(CLEAN.replace('Anslaget: 2024-04-26', 'Anslaget: 2024-04-30'), 'deadline/posting')
        .length,
      1,
    );
    assert.equal(
      only(CLEAN.replace('Anslaget: 2024-04-26', 'Anslaget: 2024-04-27'), 'deadline/posting')
        .length,
      0,
    );
    assert.equal(
      only(CLEAN.replace('Anslaget: 2024-04-26', 'Anslaget: 2024-04-24'), 'deadline/posting')
        .length,
      1,
    );
  });
});
