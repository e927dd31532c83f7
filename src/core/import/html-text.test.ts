import { describe, expect, it } from 'vitest';
import { htmlText } from './html-text';

describe('the article’s text in a web page', () => {
  it('keeps the article’s headings and paragraphs, drops the page’s furniture', () => {
    const page = `<!DOCTYPE html><html lang="fr"><head><title>Le Journal – Actualités</title><style>p{color:red}</style>
      <script>var x = "<p>pas du texte</p>";</script></head><body>
      <header><nav><a href="/">Accueil</a><a href="/monde">Monde</a></nav></header>
      <aside>Publicité</aside>
      <article><header><h1>Le train de nuit</h1><p class="byline">Par Anne</p></header>
        <p>Le train a quitté la gare&nbsp;<em>à dix heures</em>.</p>
        <h2>L’arrivée</h2>
        <p>À l&rsquo;aube, le train s&#8217;est arrêté.<br>L’enfant a couru.</p>
        <figure><img src="x.jpg"><figcaption>Photo : AFP</figcaption></figure>
        <ul><li>Un</li><li>Deux</li></ul>
      </article>
      <footer>© 2024 Le Journal</footer></body></html>`;
    expect(htmlText(page)).toEqual({
      title: 'Le train de nuit',
      firstHeading: 'Le train de nuit',
      paragraphs: ['Le train a quitté la gare\u00a0à dix heures.', 'L’arrivée', 'À l’aube, le train s’est arrêté.', 'L’enfant a couru.', 'Un', 'Deux'],
    });
  });

  it('prefers the longest of several articles, then <main>, then <body>', () => {
    expect(htmlText('<article><p>Court.</p></article><article><p>Un texte bien plus long.</p></article>').paragraphs).toEqual(['Un texte bien plus long.']);
    expect(htmlText('<body><div>Menu</div><main><p>Le texte.</p></main></body>').paragraphs).toEqual(['Le texte.']);
    expect(htmlText('<body><div>Un.</div><div>Deux.</div></body>').paragraphs).toEqual(['Un.', 'Deux.']);
  });

  it('forgives unclosed and stray tags, comments, CDATA and a lone “<”', () => {
    const sloppy = '<body><p>Un <b>gras<p>Deux</i> suite<!-- <p>caché</p> --><p>3 < 4 et <![CDATA[x]]></body>';
    expect(htmlText(sloppy).paragraphs).toEqual(['Un gras', 'Deux suite', '3 < 4 et x']);
  });

  it('takes the page’s <title> when the article has no <h1>, and decodes numeric references', () => {
    expect(htmlText('<title>Mon &eacute;t&#xE9;</title><p>Texte.</p>')).toEqual({ title: 'Mon été', paragraphs: ['Texte.'] });
  });

  it('reads XHTML with namespaced and self-closed tags', () => {
    const xhtml = '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><epub:section><h2>Chapitre 1</h2><p>Il pleut.<br/>Il vente.</p></epub:section></body></html>';
    expect(htmlText(xhtml)).toEqual({ firstHeading: 'Chapitre 1', paragraphs: ['Chapitre 1', 'Il pleut.', 'Il vente.'] });
  });

  it('an attribute holding “>” does not end its tag early', () => {
    expect(htmlText('<p title="a > b">Bonjour.</p>').paragraphs).toEqual(['Bonjour.']);
  });
});
