import { Kind, visit, type DocumentNode } from 'graphql';

// Apollo parses each distinct query once and hands the same document to every request
// that sends it: the count is kept as long as the document lives.
const counted = new WeakMap<DocumentNode, number>();

/** Directive uses anywhere in a document: operations, fragments and variable definitions. */
export function countDirectives(document: DocumentNode): number {
  const known = counted.get(document);
  if (known !== undefined) return known;
  let count = 0;
  visit(document, {
    [Kind.DIRECTIVE]() {
      count += 1;
      // A directive's arguments hold no directives.
      return false;
    },
  });
  counted.set(document, count);
  return count;
}
