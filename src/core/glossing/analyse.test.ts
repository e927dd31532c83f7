import { describe, expect, it } from 'vitest';
import { readMorphology } from '../../../test/support/glossing';
import { tokenize } from '../tokenizer';
import { analyse } from './analyse';

const morphology = readMorphology();

/** The analysis of the word `form` (its n-th occurrence) in `sentence`. */
function of(sentence: string, form: string, n = 1) {
  const found = analyse(tokenize(sentence), morphology).filter((a) => a.form === form);
  const a = found[n - 1];
  if (!a) throw new Error(`no "${form}" in "${sentence}"`);
  return a;
}

describe('analyse: hard forms', () => {
  it.each([
    // sentence, form, lemma, part of speech
    ['L’agence de presse a parlé.', 'L’', 'la', 'article'],
    ['Il parle de l’été.', 'l’', 'le', 'article'],
    ['Il est resté jusqu’à lundi.', 'jusqu’', 'jusque', 'preposition'],
    ['Il dit qu’il viendra.', 'qu’', 'que', 'conjunction'],
    ['Elle n’a rien dit.', 'n’', 'ne', 'adverb'],
    ['J’aime ce livre.', 'J’', 'je', 'pronoun'],
    ['Il s’est levé tôt.', 's’', 'se', 'pronoun'],
    ['C’est vrai.', 'C’', 'ce', 'pronoun'],
    ['Le dirigeant nord-coréen parle.', 'nord-coréen', 'nord-coréen', 'adjective'],
    ['Hier, Kim Jong-un est arrivé.', 'Jong-un', 'Jong-un', 'proper noun'],
    ['Hier, Kim Jong-un est arrivé.', 'Kim', 'Kim', 'proper noun'],
    ['Nous allions au marché.', 'allions', 'aller', 'verb'],
    ['Il habite dans l’est du pays.', 'est', 'est', 'noun'],
    ['La ville est belle.', 'est', 'être', 'verb'],
    ['Il a un chat.', 'a', 'avoir', 'verb'],
    ['Je la vois souvent.', 'la', 'la', 'pronoun'],
    ['Je vois la maison.', 'la', 'la', 'article'],
    ['Cet été, il fait chaud.', 'été', 'été', 'noun'],
    ['Le fait est connu.', 'fait', 'fait', 'noun'],
    ['Elle a fait un gâteau.', 'fait', 'faire', 'verb'],
    ['Il y a 1\u00A0000 personnes.', '1\u00A0000', '1\u00A0000', 'number'],
    ['Il est resté sept jours.', 'sept', 'sept', 'number'],
    ['A-t-il compris ?', 'A-t-il', 'avoir', 'auxiliary'],
    ['Les sous-marins plongent.', 'sous-marins', 'sous-marin', 'noun'],
    ['Le train du président arrive.', 'du', 'du', 'preposition'],
    ['Il mange du pain.', 'du', 'du', 'article'],
    ['C’est le plus long voyage.', 'plus', 'plus', 'adverb'],
    ['Il a vu plus de dix films.', 'plus', 'plus', 'adverb'],
  ] as const)('%s: %s is %s (%s)', (sentence, form, lemma, pos) => {
    const a = of(sentence, form);
    expect({ lemma: a.reading.lemma, pos: a.reading.pos }).toEqual({ lemma, pos });
  });

  it('joins a compound tense: the auxiliary and the participle carry the tense and the group as written', () => {
    const sentence = 'Le train a encore traversé la frontière.';
    const verb = { tense: 'passé composé', mood: 'indicative', person: 3, number: 'sg', group: 'a encore traversé' };
    expect(of(sentence, 'a').reading).toEqual({ lemma: 'avoir', pos: 'auxiliary', verb });
    expect(of(sentence, 'traversé').reading).toEqual({ lemma: 'traverser', pos: 'verb', verb });
  });

  it('reads être + participle of être + participle as one passive group', () => {
    const group = 'ont été rendus';
    const sentence = `Les détails ${group} publics.`;
    expect(of(sentence, 'ont').reading.verb?.group).toBe(group);
    expect(of(sentence, 'été').reading.pos).toBe('auxiliary');
    expect(of(sentence, 'rendus').reading).toMatchObject({ lemma: 'rendre', pos: 'verb', verb: { tense: 'passé composé', group } });
  });

  it('gives a finite verb its tense, mood, person and number, and a noun its gender and number', () => {
    expect(of('Il signifierait la fin.', 'signifierait').reading.verb).toEqual({ tense: 'conditionnel présent', mood: 'conditional', person: 3, number: 'sg' });
    expect(of('Nous allions au marché.', 'allions').reading.verb).toEqual({ tense: 'imparfait', mood: 'indicative', person: 1, number: 'pl' });
    expect(of('Les relations changent.', 'relations').reading).toMatchObject({ gender: 'f', number: 'pl' });
  });

  it('marks a capital it does not know as a name, and keeps every candidate of an ambiguous form', () => {
    expect(of('Hier, Zorbulon est venu.', 'Zorbulon')).toMatchObject({ reading: { lemma: 'Zorbulon', pos: 'proper noun' }, unknown: true });
    const allions = of('Nous allions au marché.', 'allions');
    expect(allions.candidates.map((c) => c.lemma)).toEqual(expect.arrayContaining(['aller', 'allier']));
  });

  it('says when the rules could not decide, and not when they could', () => {
    // "Ferme" alone: the adjective, the noun (a farm) or the verb; nothing around it chooses.
    expect(of('Ferme !', 'Ferme').unsure).toBe(true);
    expect(of('Je vois la maison.', 'la').unsure).toBe(false);
  });
});
