// A numbered schema step. Once a migration has shipped its `sql` is frozen: the runner stores a
// checksum of it and refuses to open a database whose applied migrations no longer match the code.
export interface Migration {
  /** Position in the schema history; ids are unique and applied in ascending order. */
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}
