import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
// The package's index does not re-export the request kinds.
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import {
  Kind,
  print,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from 'graphql';
import type { GatewayContext } from '../context/GatewayContext';
import { errorAt, type AnswerError } from './errorAt';

type Options = GraphQLDataSourceProcessOptions<GatewayContext>;
type Response = Awaited<ReturnType<GraphQLDataSource['process']>>;
/** A fetch of a client's request (not a health check or schema load). */
type Incoming = Extract<Options, { kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION }>;

const ENTITIES = '_entities';
/** Fetches sent as one operation at most: a subgraph's own limits see the sum of them. */
export const MAX_MERGED = 8;

interface Waiting {
  options: Incoming;
  resolve(response: Response): void;
  reject(error: unknown): void;
}

interface MergedOperation {
  query: string;
  operationName?: string;
  document: DocumentNode;
}

/** The fetch's operation when it is a query of `_entities` alone, with its representations only. */
function entityOperation(options: Incoming): OperationDefinitionNode | undefined {
  const variables = options.request.variables;
  if (!variables || Object.keys(variables).length !== 1 || !variables.representations) return;
  const operations = options.document?.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operations?.length === 1 ? operations[0] : undefined;
  if (operation?.operation !== 'query' || operation.directives?.length) return undefined;
  const [field, ...others] = operation.selectionSet.selections;
  if (others.length || field?.kind !== Kind.FIELD || field.alias) return undefined;
  return field.name.value === ENTITIES && operation.variableDefinitions?.length === 1
    ? operation
    : undefined;
}

/** Fetch `index`'s document with its variable, alias and fragments named apart from the others'. */
function renamed(document: DocumentNode, index: number): readonly DefinitionNode[] {
  const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
  return visit(document, {
    Variable: (node) => ({ ...node, name: name(`r${index}`) }),
    FragmentDefinition: (node) => ({ ...node, name: name(`f${index}_${node.name.value}`) }),
    FragmentSpread: (node) => ({ ...node, name: name(`f${index}_${node.name.value}`) }),
    OperationDefinition: {
      leave: (node) => {
        const field = node.selectionSet.selections[0] as FieldNode;
        const aliased: FieldNode = { ...field, alias: name(`e${index}`) };
        return { ...node, selectionSet: { ...node.selectionSet, selections: [aliased] } };
      },
    },
  }).definitions;
}

/** One query asking for each fetch's entities under its own alias (`e0`, `e1`, ...). */
function mergeDocuments(documents: DocumentNode[]): MergedOperation {
  const variables: VariableDefinitionNode[] = [];
  const fields: FieldNode[] = [];
  const fragments: DefinitionNode[] = [];
  documents.forEach((document, index) => {
    for (const definition of renamed(document, index)) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) fragments.push(definition);
      else {
        variables.push(...(definition.variableDefinitions ?? []));
        fields.push(definition.selectionSet.selections[0] as FieldNode);
      }
    }
  });
  const first = documents[0]!.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operationName = (first as OperationDefinitionNode).name?.value;
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: 'query' as OperationDefinitionNode['operation'],
    name: operationName ? { kind: Kind.NAME, value: operationName } : undefined,
    variableDefinitions: variables,
    selectionSet: { kind: Kind.SELECTION_SET, selections: fields },
  };
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
  return { query: print(document), operationName, document };
}

const byQuery = (a = '', b = '') => (a < b ? -1 : a > b ? 1 : 0);

/** Fetch `index`'s part of the merged answer: its entities, and the errors that are its own. */
function partOf(response: Response, index: number): Response {
  const alias = `e${index}`;
  const data = response.data as Record<string, unknown> | null | undefined;
  const errors = (response.errors as readonly AnswerError[] | undefined)?.flatMap((error) => {
    const [head, ...rest] = error.path ?? [];
    if (head === undefined || !/^e\d+$/.test(String(head))) return [error];
    if (head === alias) return [errorAt(error, [ENTITIES, ...rest])];
    // Without data every fetch failed: each is told why, so none is left empty without a word.
    return data ? [] : [errorAt(error, undefined)];
  });
  return {
    ...response,
    data: data ? { [ENTITIES]: data[alias] } : data,
    ...(errors?.length ? { errors } : { errors: undefined }),
  } as Response;
}

/**
 * Sends a client request's entity fetches to one subgraph that are ready at the same time
 * (Apollo starts parallel fetches in one go) as one operation, each under its own alias.
 * Every fetch is a round trip the subgraph serves whole, however small: the public
 * workload's full query made 16 of them. Only fetches of one client request are merged;
 * each gets its own part of the answer, and a failed call fails each of them.
 */
export function mergeEntityFetches(
  source: GraphQLDataSource<GatewayContext>,
): GraphQLDataSource<GatewayContext> {
  const batches = new Map<object, Waiting[]>();
  // The merged text depends only on the fetches' operations, which the query plan fixes.
  const operations = new Map<string, MergedOperation>();

  const mergedOperation = (batch: Waiting[]): MergedOperation => {
    const key = batch.map(({ options }) => options.request.query).join('\u0000');
    let merged = operations.get(key);
    if (!merged) {
      merged = mergeDocuments(batch.map(({ options }) => options.document!));
      if (operations.size >= 1_000) operations.clear();
      operations.set(key, merged);
    }
    return merged;
  };

  const send = (batch: Waiting[]) => {
    if (batch.length === 1) {
      const [{ options, resolve, reject }] = batch as [Waiting];
      source.process(options).then(resolve, reject);
      return;
    }
    const { query, operationName, document } = mergedOperation(batch);
    const first = batch[0]!.options;
    const variables = Object.fromEntries(
      batch.map(({ options }, index) => [`r${index}`, options.request.variables!.representations]),
    );
    const request = { ...first.request, query, operationName, variables };
    source.process({ ...first, request, document }).then(
      (response) => batch.forEach(({ resolve }, index) => resolve(partOf(response, index))),
      (error: unknown) => batch.forEach(({ reject }) => reject(error)),
    );
  };

  return {
    process(options) {
      if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) {
        return source.process(options);
      }
      if (!entityOperation(options)) return source.process(options);
      const request = options.incomingRequestContext;
      let batch = batches.get(request);
      if (!batch) {
        const gathering: Waiting[] = [];
        batches.set(request, gathering);
        // Parallel fetches reach here in one synchronous run of Apollo's executor; fetches that
        // answers read in the same turn of the event loop start are gathered too.
        setImmediate(() => {
          batches.delete(request);
          // In one order whatever order they came in, so that the same fetches make the same
          // merged operation: one text for this cache and for the subgraph's.
          gathering.sort((a, b) => byQuery(a.options.request.query, b.options.request.query));
          for (let start = 0; start < gathering.length; start += MAX_MERGED) {
            send(gathering.slice(start, start + MAX_MERGED));
          }
        });
        batch = gathering;
      }
      const waiting = batch;
      return new Promise<Response>((resolve, reject) => waiting.push({ options, resolve, reject }));
    },
  };
}
