/** Luhn check digit of a digit string, as ICCIDs and IMEIs end with. */
export function luhnCheckDigit(body: string): string {
  let sum = 0
  for (let index = 0; index < body.length; index++) {
    // Counting from the right of the body, every first digit is doubled (the check digit follows it).
    let digit = Number(body[body.length - 1 - index])
    if (index % 2 === 0) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return String((10 - (sum % 10)) % 10)
}
