/** "Lucía Muñoz Pérez": the name the desk reads, from a card's first and last names. */
export function fullName(firstName: string, lastName: string | null): string {
  return lastName ? `${firstName} ${lastName}` : firstName;
}
