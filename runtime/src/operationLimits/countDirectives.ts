import { Kind, visit, type DocumentNode } from 'graphql';

/** Directive uses anywhere in a document: operations, fragments and variable definitions. */
export function countDirectives(document: DocumentNode): number {
  let count = 0;
  visit(document, {
    [Kind.DIRECTIVE]() {
      count += 1;
      // A directive's arguments hold no directives.
      return false;
    },
  });
  return count;
}
