import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createKnowledgeBase,
  KnowledgeBaseError,
  loadKnowledgeBase,
  parseKbArticle,
} from '../../../src/triage/kb/knowledge-base.js';

const kb = loadKnowledgeBase();

const VALID_ARTICLE = `---
id: sample-article
title: A sample article
intents: [track_order]
tags: [sample]
---

## Reply

First sentence of the reply. Second sentence with {{order_id}}.

## Notes

Internal only.
`;

describe('loadKnowledgeBase', () => {
  it('loads the articles of data/kb with their Reply as body and Notes apart', () => {
    expect(kb.articles.length).toBeGreaterThanOrEqual(45);
    const article = kb.get('recover-password');
    expect(article?.title).toBe('Reset a forgotten password');
    expect(article?.intents).toEqual(['recover_password']);
    expect(article?.body).toContain('Forgot password');
    expect(article?.body).not.toContain('## Notes');
    expect(article?.notes).toContain('never sets or sends passwords');
    expect(kb.replyOf('recover-password')).toBe(article?.body);
  });

  it('answers undefined from get and throws from replyOf for an unknown id', () => {
    expect(kb.get('no-such-article')).toBeUndefined();
    expect(() => kb.replyOf('no-such-article')).toThrow(KnowledgeBaseError);
  });

  describe('with a directory of its own', () => {
    let directory: string | undefined;
    afterEach(() => {
      if (directory) rmSync(directory, { recursive: true, force: true });
      directory = undefined;
    });
    function write(files: Record<string, string>): string {
      directory = mkdtempSync(path.join(tmpdir(), 'kb-test-'));
      mkdirSync(directory, { recursive: true });
      for (const [name, text] of Object.entries(files)) writeFileSync(path.join(directory, name), text);
      return directory;
    }

    it('loads a valid article and ignores files that are not markdown', () => {
      const loaded = loadKnowledgeBase(write({ 'sample-article.md': VALID_ARTICLE, 'README.txt': 'not an article' }));
      expect(loaded.articles.map((article) => article.id)).toEqual(['sample-article']);
      expect(loaded.replyOf('sample-article')).toBe('First sentence of the reply. Second sentence with {{order_id}}.');
      expect(loaded.get('sample-article')?.notes).toBe('Internal only.');
    });

    it('names the file when the front matter is not valid YAML', () => {
      const broken = VALID_ARTICLE.replace('intents: [track_order]', 'intents: [track_order');
      const load = () => loadKnowledgeBase(write({ 'sample-article.md': broken }));
      expect(load).toThrow(KnowledgeBaseError);
      expect(load).toThrow(/sample-article\.md: front matter is not valid YAML/);
    });

    it('refuses an empty directory', () => {
      expect(() => loadKnowledgeBase(write({}))).toThrow(/No knowledge-base articles/);
    });

    it('refuses a directory that does not exist', () => {
      expect(() => loadKnowledgeBase(path.join(tmpdir(), 'kb-test-missing-directory'))).toThrow(KnowledgeBaseError);
    });
  });
});

describe('parseKbArticle', () => {
  const parse = (text: string) => () => parseKbArticle(text, 'data/kb/sample-article.md', 'sample-article');

  it.each([
    ['no front matter', VALID_ARTICLE.replace(/^---\n/, ''), /missing front matter/],
    ['a missing title', VALID_ARTICLE.replace('title: A sample article\n', ''), /invalid front matter: title/],
    ['intents that are not a list', VALID_ARTICLE.replace('intents: [track_order]', 'intents: track_order'), /intents/],
    ['an unknown front-matter key', VALID_ARTICLE.replace('tags: [sample]', 'tags: [sample]\nauthor: me'), /invalid front matter/],
    ['an id that is not the file name', VALID_ARTICLE.replace('id: sample-article', 'id: other-article'), /must equal the file name/],
    ['an id that is not kebab-case', VALID_ARTICLE.replace('id: sample-article', 'id: Sample_Article'), /kebab-case/],
    ['no Reply section', VALID_ARTICLE.replace('## Reply', '## Answer'), /exactly the sections/],
    ['sections in the wrong order', VALID_ARTICLE.replace('## Reply', '## Tmp').replace('## Notes', '## Reply').replace('## Tmp', '## Notes'), /exactly the sections/],
    ['an extra section', `${VALID_ARTICLE}\n## Links\n\nMore.\n`, /exactly the sections/],
    ['text before the first section', VALID_ARTICLE.replace('## Reply', 'Stray text.\n\n## Reply'), /text before the first section/],
    ['an empty Reply', VALID_ARTICLE.replace(/## Reply[\s\S]*?## Notes/, '## Reply\n\n## Notes'), /Reply" section is empty/],
    ['an unknown placeholder', VALID_ARTICLE.replace('{{order_id}}', '{{customer_phone}}'), /unknown placeholder "\{\{customer_phone\}\}"/],
    ['a needs-a-person limit without a reason', VALID_ARTICLE.replace('tags: [sample]', 'tags: [sample]\nneeds-a-person:\n  - when: [saturday]'), /needs-a-person\.0\.because/],
    ['a needs-a-person limit with no phrase', VALID_ARTICLE.replace('tags: [sample]', 'tags: [sample]\nneeds-a-person:\n  - when: []\n    because: x'), /needs-a-person\.0\.when/],
    ['a needs-a-person limit with an unknown key', VALID_ARTICLE.replace('tags: [sample]', 'tags: [sample]\nneeds-a-person:\n  - when: [a b]\n    unless: [c d]\n    because: x'), /needs-a-person/],
    ['a YAML tag the safe parser refuses to run', VALID_ARTICLE.replace('title: A sample article', 'title: !!js/function "() => 1"'), /sample-article\.md/],
  ])('rejects %s with an error naming the file', (_case, text, message) => {
    expect(parse(text)).toThrow(KnowledgeBaseError);
    expect(parse(text)).toThrow(/^data\/kb\/sample-article\.md: /);
    expect(parse(text)).toThrow(message);
  });

  it('reads what the article leaves to a person, and none when the front matter names nothing', () => {
    const text = VALID_ARTICLE.replace('tags: [sample]', "tags: [sample]\nneeds-a-person:\n  - when: [po box, forwarder]\n    because: 'not shipped there: ask the carrier'");
    expect(parseKbArticle(text, 'sample-article.md').needsAPerson).toEqual([{ when: ['po box', 'forwarder'], because: 'not shipped there: ask the carrier' }]);
    expect(parseKbArticle(VALID_ARTICLE, 'sample-article.md').needsAPerson).toEqual([]);
  });

  it('accepts CRLF line endings and a byte-order mark', () => {
    const article = parseKbArticle(`\uFEFF${VALID_ARTICLE.replace(/\n/g, '\r\n')}`, 'sample-article.md', 'sample-article');
    expect(article.title).toBe('A sample article');
    expect(article.reply).toBe(parseKbArticle(VALID_ARTICLE, 'sample-article.md').reply);
    expect(article.notes).toBe('Internal only.');
  });

  it('joins the lines of a reply paragraph but keeps paragraphs and list items apart', () => {
    const text = VALID_ARTICLE.replace(
      'First sentence of the reply. Second sentence with {{order_id}}.',
      'First sentence\nwraps here.\nSecond sentence.\n\nNew paragraph:\n- step one\n- step two',
    );
    expect(parseKbArticle(text, 'sample-article.md').reply).toBe(
      'First sentence wraps here. Second sentence.\n\nNew paragraph:\n- step one\n- step two',
    );
  });
});

describe('createKnowledgeBase', () => {
  it('refuses two articles with the same id', () => {
    const article = parseKbArticle(VALID_ARTICLE, 'a.md');
    expect(() => createKnowledgeBase([article, { ...article, source: 'b.md' }])).toThrow(/Duplicate article id "sample-article" in a\.md and b\.md/);
  });
});
