import fs from 'node:fs';
import { parse } from 'graphql';
import { renderInputBoundsDocs } from '../../runtime';
import { subgraphs } from '../../subgraphs';
import { INPUT_BOUNDS_DOCS_FILE } from '../inputBoundsDocs';

describe('docs/input-bounds.md', () => {
  it('is what the subgraphs bound today', () => {
    const committed = fs.readFileSync(INPUT_BOUNDS_DOCS_FILE, 'utf8');
    // If this fails, run: npx tsx schema/inputBoundsDocs.ts
    expect(committed).toBe(renderInputBoundsDocs(subgraphs));
  });

  it('lists each String and ID input with its default or declared bound', () => {
    const typeDefs = parse(`
      "Bounds."
      directive @text(maxLength: Int, multiline: Boolean = false) on ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION
      input NoteInput { body: String @text(maxLength: 20, multiline: true) count: Int }
      type Query { note(id: ID!, input: NoteInput): String }
    `);
    const docs = renderInputBoundsDocs([{ name: 'notes', typeDefs }]);
    expect(docs).toContain('## notes');
    expect(docs).toMatch(/\| `Query.note\(id\)` +\| `ID!` +\| 128 +\| no +\|/);
    expect(docs).toMatch(/\| `NoteInput.body` +\| `String` +\| 20 +\| yes +\|/);
    expect(docs).not.toContain('count');
  });
});
