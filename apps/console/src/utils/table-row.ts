/**
 * Element Plus types a column slot's `row` as a loose record, whatever the table's `data` is.
 * `const asUser = tableRow<User>()` restores the row type for a table whose data is `User[]`.
 */
export function tableRow<Row>(): (row: unknown) => Row {
  return (row) => row as Row
}
