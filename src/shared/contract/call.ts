// How one call of the contract is declared: its input schema (checked at the boundary by backend.call), its
// output type, whether it needs the teacher, and whether browser mode carries it over HTTP.
import type * as v from 'valibot';

declare const outputType: unique symbol;

/** The field a teacher-guarded call carries: the token `teacher:unlock` gave. */
export interface TeacherInput {
  teacherToken: string;
}

export interface CallOptions<I extends v.GenericSchema> {
  /**
   * `teacher`: backend.call refuses the call with `unauthorized` unless its `teacherToken` is a live unlock, before
   * the handler runs. Only a schema with a `teacherToken` field may say so.
   */
  guard?: v.InferOutput<I> extends TeacherInput ? 'teacher' : { error: 'a teacher-guarded call needs teacherToken in its schema' };
  /** `http`: a request or reply that can weigh hundreds of kilobytes; browser mode sends it as HTTP POST, never on the socket. */
  transport?: 'http';
}

export interface Call<I extends v.GenericSchema = v.GenericSchema, O = unknown> {
  readonly input: I;
  readonly guard?: 'teacher';
  readonly transport?: 'http';
  readonly [outputType]?: O;
}

/** A domain's slice of the table: call name to its declaration. */
export type Table = Record<string, Call>;

/** `returns<Output>()(inputSchema, options?)`: the output type is given, the input type is inferred from the schema. */
export const returns =
  <O>() =>
  <I extends v.GenericSchema, const Options extends CallOptions<I> = object>(input: I, options?: Options): Call<I, O> & Options =>
    ({ input, ...options }) as Call<I, O> & Options;

export type InputOf<C extends Call> = v.InferInput<C['input']>;
export type ParsedInputOf<C extends Call> = v.InferOutput<C['input']>;
export type OutputOf<C extends Call> = C extends Call<v.GenericSchema, infer O> ? O : never;

/**
 * What a transport knows of one call beside its input: `signal` aborts when the caller gave up (the page's fetch
 * cancelled, its connection closed), so a long handler can stop its work instead of finishing it for nobody.
 */
export interface CallContext {
  signal?: AbortSignal;
}

/** One handler per call of a table, each given the input its schema parsed (and the call's context, if it wants it). */
export type HandlersOf<T extends Table> = { [K in keyof T]: (input: ParsedInputOf<T[K]>, context: CallContext) => OutputOf<T[K]> | Promise<OutputOf<T[K]>> };
